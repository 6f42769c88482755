/** Small typed wrappers around the HTTP API for integration tests (real fetch, real server). */
export interface CreatedSession {
  id: string
  title: string
  participantUrl: string
  moderatorUrl: string
  viewerUrl: string
}

export interface Joined {
  participantId: string
  participantToken: string
  name: string
}

export async function postJson(
  origin: string,
  path: string,
  body: unknown,
  token?: string,
): Promise<{ status: number; json: any }> {
  const response = await fetch(origin + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: response.status, json: await response.json().catch(() => null) }
}

export async function getJson(origin: string, path: string, token?: string): Promise<{ status: number; json: any }> {
  const response = await fetch(origin + path, { headers: token ? { Authorization: `Bearer ${token}` } : {} })
  return { status: response.status, json: await response.json().catch(() => null) }
}

export async function createSession(origin: string, body: unknown = {}): Promise<CreatedSession & { moderatorToken: string; viewerToken: string }> {
  const { status, json } = await postJson(origin, '/api/sessions', body)
  if (status !== 201) throw new Error(`create session failed: ${status} ${JSON.stringify(json)}`)
  return {
    ...json,
    moderatorToken: new URL(json.moderatorUrl).hash.replace('#moderator=', ''),
    viewerToken: new URL(json.viewerUrl).hash.replace('#viewer=', ''),
  }
}

export async function join(origin: string, sessionId: string, name: string): Promise<Joined> {
  const { status, json } = await postJson(origin, `/api/sessions/${sessionId}/participants`, { name })
  if (status !== 201) throw new Error(`join failed: ${status} ${JSON.stringify(json)}`)
  return json
}

export async function moderate(origin: string, sessionId: string, moderatorToken: string, action: unknown) {
  return postJson(origin, `/api/sessions/${sessionId}/moderation`, action, moderatorToken)
}
