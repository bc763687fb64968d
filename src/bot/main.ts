import { botOptionsFromEnv, startBotServer } from './server.js';

try {
  const bot = await startBotServer(botOptionsFromEnv());
  const shutdown = async () => {
    await bot.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
