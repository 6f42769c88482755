import { describe, expect, it } from 'vitest'
import { UNTITLED_CLUSTER } from '../../shared/export/clusterLabels.ts'
import { de } from '../i18n/de.ts'
import { clusterTitle } from './clusterTitle.ts'

describe('clusterTitle', () => {
  it('is the export’s label for a cluster with a name, even one that looks like the protocol’s word', () => {
    expect(clusterTitle({ label: 'Verkehr (2)', unnamed: false }, '(untitled)')).toBe('Verkehr (2)')
    expect(clusterTitle({ label: UNTITLED_CLUSTER, unnamed: false }, '(untitled)')).toBe(UNTITLED_CLUSTER)
  })

  it('says the reader’s word for a cluster without a name, numbered as the export numbers it', () => {
    expect(clusterTitle({ label: '', unnamed: true }, '(untitled)')).toBe('(untitled)')
    expect(clusterTitle({ label: '  ', unnamed: true }, '(untitled)')).toBe('(untitled)')
    expect(clusterTitle({ label: `${UNTITLED_CLUSTER} (3)`, unnamed: true }, '(untitled)')).toBe('(untitled) (3)')
  })

  it('reads in German exactly as the protocol', () => {
    expect(de['list.unnamedCluster']).toBe(UNTITLED_CLUSTER)
  })
})
