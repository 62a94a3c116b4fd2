namespace DaprSync.NetSuiteSapi.Soap;

/// <summary>Log messages of the SOAP client. None carries a token passport or signature.</summary>
internal static partial class SoapLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Warning,
        Message = "NetSuite SOAP {Operation} hit the concurrency limit ({Code}); retry {Attempt} in {DelayMs} ms")]
    public static partial void ConcurrencyRetry(ILogger logger, string operation, string? code, int attempt,
        double delayMs);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning,
        Message = "NetSuite SOAP {Operation} failed with fault {FaultName} {Code}: {FaultMessage}")]
    public static partial void CallFaulted(ILogger logger, string operation, string? faultName, string? code,
        string faultMessage);
}
