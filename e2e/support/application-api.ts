import { SignJWT, importPKCS8 } from 'jose';

/** The REST API as one application calls it, with Vonage-style bearer tokens it signs itself. */
export interface ApplicationApi {
  /** A fresh bearer token for the application. */
  token(): Promise<string>;
  /** Calls the REST API at `baseUrl` as the application. */
  api(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
}

export async function applicationApi(baseUrl: string, applicationId: string, privateKeyPem: string): Promise<ApplicationApi> {
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
