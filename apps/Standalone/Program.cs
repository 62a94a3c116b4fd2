using DaprSync.Standalone;

return await StandaloneCommand.RunAsync(args);
