import { SignJWT, importPKCS8 } from 'jose';

/** The REST API of a Parley node, called as one application. */
export interface ApiClient {
  /** A fresh Vonage-style bearer token for the application. */
  token(): Promise<string>;
  /** Calls the REST API as the application. */
  api(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
}

export async function apiClient(baseUrl: string, applicationId: string, privateKeyPem: string): Promise<ApiClient> {
  const key = await importPKCS8(privateKeyPem, 'RS256');
  const token = (): Promise<string> =>
    new SignJWT({ application_id: applicationId })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setIssuedAt()
      .setJti(crypto.randomUUID())
      .setExpirationTime('15m')
      .sign(key);
  return {
    token,
    async api(method, apiPath, body) {
      const response = await fetch(`${baseUrl}${apiPath}`, {
        method,
        headers: { authorization: `Bearer ${await token()}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    },
  };
}
