import { ConfigError, loadConfig } from './config.js';
import { startServer } from './server.js';

/**
 * `make run`: start Parley in the foreground, print how to use it, stop cleanly: on SIGTERM (a service
 * manager stopping or restarting the node) its live meetings are handed over to another node, or to
 * this one once restarted; on SIGINT (Ctrl-C) they end.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const server = await startServer(config);
  const { dev } = server;
  const lines = [
    '',
    `Parley is running on ${config.publicUrl} (listening on ${server.listenUrl})`,
    `Data folder: ${config.dataDir}`,
  ];
  if (dev) {
    lines.push(
      '',
      `Development application: ${dev.applicationId} (private key in ${dev.file})`,
      `RingCentral client id: ${dev.clientId} (client_secret and user_jwt in the same file)`,
      '',
      'Demo room, open these in two browser windows:',
      `  Host URL:  ${dev.demoRoom.hostUrl}`,
      `  Guest URL: ${dev.demoRoom.guestUrl}`,
      '',
      'Create a room through the API:',
      `  curl -s -X POST ${config.publicUrl}/v1/meetings/rooms \\`,
      `    -H "Authorization: Bearer $(npx parley token)" \\`,
      `    -H 'Content-Type: application/json' -d '{"display_name":"My meeting"}'`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    server.services.logger.info({ signal }, 'stopping');
    (signal === 'SIGTERM' ? server.drain() : Promise.resolve())
      .then(() => server.close())
      .then(
        () => process.exit(0),
        (error: Error) => {
          server.services.logger.error({ err: error }, 'error while stopping');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: Error) => {
  process.stderr.write(`Parley could not start: ${error.message}\n`);
  process.exit(1);
});
