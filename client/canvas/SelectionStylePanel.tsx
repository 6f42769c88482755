import { DefaultStylePanel, useEditor, useValue, type TLUiStylePanelProps } from 'tldraw'

/**
 * tldraw's style panel (colours, fill, size) only while something is selected. Open all the time
 * it sat over the boards at the top right and hid a board's "+ Karte" button on a laptop screen;
 * a moderator styles notes and clusters they selected, there is no drawing tool to style ahead.
 */
export function SelectionStylePanel(props: TLUiStylePanelProps) {
  const editor = useEditor()
  const hasSelection = useValue('pinnwand has selection', () => editor.getSelectedShapeIds().length > 0, [editor])
  return hasSelection ? <DefaultStylePanel {...props} /> : null
}
