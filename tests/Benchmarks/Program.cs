return await DaprSync.Benchmarks.BenchmarkCommand.RunAsync(args);
