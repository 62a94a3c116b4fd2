using System.ServiceModel;
using DaprSync.NetSuiteSapi.Auth;
using DaprSync.NetSuiteSapi.Concurrency;
using DaprSync.NetSuiteSapi.Soap.Contracts;
using DaprSync.Runtime.Observability;
using Microsoft.Extensions.Options;

namespace DaprSync.NetSuiteSapi.Soap;

/// <summary>
/// Calls the SuiteTalk SOAP port through WCF. Each attempt carries a fresh token passport (new nonce and timestamp,
/// signed by <see cref="TbaSigner.CreateTokenPassportSignature"/>) and takes a slot of the
/// <see cref="NetSuiteRequestGate"/> that the REST clients share, because NetSuite counts SOAP and REST requests
/// against one account limit. A concurrency-limit fault is retried with exponential backoff and jitter. Every other
/// fault and each transport failure is thrown. Each attempt and each retry is counted in <see cref="DaprSyncMetrics"/>
/// under the endpoint <c>SOAP {operation}</c>, when the app registered metrics.
/// </summary>
public sealed class NetSuiteSoapClient(
    ChannelFactory<INetSuitePort> channels,
    TbaSigner signer,
    TbaCredentials credentials,
    NetSuiteRequestGate gate,
    TimeProvider timeProvider,
    IOptions<SoapOptions> options,
    ILogger<NetSuiteSoapClient> logger,
    DaprSyncMetrics? metrics = null)
{
    /// <summary>The system tag of SOAP calls in <see cref="DaprSyncMetrics"/>, the same as the REST clients'.</summary>
    public const string MetricsSystem = "netsuite";

    /// <summary>Returns the metrics endpoint name of a SOAP operation, such as <c>SOAP upsert</c>.</summary>
    public static string MetricsEndpoint(string operation) => $"SOAP {operation}";

    public async Task<WriteResponse> AddAsync(Record record, CancellationToken cancellationToken)
    {
        var reply = await CallAsync("add", (port, passport) => port.AddAsync(
            new AddMessage { TokenPassport = passport, Body = new RecordRequest { Record = record } }),
            cancellationToken);
        return reply.Body?.WriteResponse ?? throw MissingBody("add");
    }

    public async Task<WriteResponse> UpdateAsync(Record record, CancellationToken cancellationToken)
    {
        var reply = await CallAsync("update", (port, passport) => port.UpdateAsync(
            new UpdateMessage { TokenPassport = passport, Body = new RecordRequest { Record = record } }),
            cancellationToken);
        return reply.Body?.WriteResponse ?? throw MissingBody("update");
    }

    public async Task<WriteResponse> UpsertAsync(Record record, CancellationToken cancellationToken)
    {
        var reply = await CallAsync("upsert", (port, passport) => port.UpsertAsync(
            new UpsertMessage { TokenPassport = passport, Body = new RecordRequest { Record = record } }),
            cancellationToken);
        return reply.Body?.WriteResponse ?? throw MissingBody("upsert");
    }

    public async Task<ReadResponse> GetAsync(RecordRef reference, CancellationToken cancellationToken)
    {
        var reply = await CallAsync("get", (port, passport) => port.GetAsync(
            new GetMessage { TokenPassport = passport, Body = new GetRequest { BaseRef = reference } }),
            cancellationToken);
        return reply.Body?.ReadResponse ?? throw MissingBody("get");
    }

    /// <summary>Reads several records in one call; the reply has one read response per reference, in order.</summary>
    public async Task<IReadOnlyList<ReadResponse>> GetListAsync(
        IReadOnlyList<RecordRef> references,
        CancellationToken cancellationToken,
        RequestPriority priority = RequestPriority.Normal)
    {
        ArgumentNullException.ThrowIfNull(references);
        var reply = await CallAsync("getList", (port, passport) => port.GetListAsync(
            new GetListMessage { TokenPassport = passport, Body = new GetListRequest { BaseRefs = [.. references] } }),
            cancellationToken,
            priority);
        var list = reply.Body?.ReadResponseList ?? throw MissingBody("getList");
        if (list.ReadResponses.Count != references.Count)
        {
            throw new NetSuiteSoapTransportException("getList", new CommunicationException(
                $"The getList reply has {list.ReadResponses.Count} read responses for {references.Count} references."));
        }

        return list.ReadResponses;
    }

    /// <summary>Builds a token passport for one attempt.</summary>
    public TokenPassport CreateTokenPassport()
    {
        var nonce = TbaHandler.CreateNonce();
        var timestamp = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        return new TokenPassport
        {
            Account = credentials.Account.Realm,
            ConsumerKey = credentials.ConsumerKey,
            Token = credentials.TokenId,
            Nonce = nonce,
            Timestamp = timestamp,
            Signature = new TokenPassportSignature
            {
                Algorithm = TbaSigner.SignatureMethod,
                Value = signer.CreateTokenPassportSignature(nonce, timestamp),
            },
        };
    }

    private async Task<T> CallAsync<T>(
        string operation,
        Func<INetSuitePort, TokenPassport, Task<T>> call,
        CancellationToken cancellationToken,
        RequestPriority priority = RequestPriority.Normal)
    {
        var settings = options.Value;
        var endpoint = MetricsEndpoint(operation);
        for (var attempt = 0; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var port = channels.CreateChannel();
            var channel = (IClientChannel)port;
            try
            {
                // The slot covers this attempt only, not the backoff delay after a fault, nor closing the channel
                // once the reply is in.
                T result;
                using (await gate.EnterAsync(priority, cancellationToken))
                using (cancellationToken.Register(channel.Abort))
                {
                    result = await call(port, CreateTokenPassport());
                }

                metrics?.RecordApiCall(MetricsSystem, endpoint, StatusCodes.Status200OK);
                channel.Close();
                return result;
            }
            catch (FaultException exception)
            {
                channel.Abort();
                // SOAP 1.1 sends every fault with HTTP 500.
                metrics?.RecordApiCall(MetricsSystem, endpoint, StatusCodes.Status500InternalServerError);
                var fault = SoapFaults.Parse(exception);
                if (!fault.IsConcurrencyLimit || attempt >= settings.ConcurrencyRetries)
                {
                    SoapLog.CallFaulted(logger, operation, fault.FaultName, fault.Code, fault.Message);
                    throw new NetSuiteSoapFaultException(fault, operation);
                }

                // Jitter spreads the retries of calls that were rejected together, so they do not collide again.
                var delay = TimeSpan.FromMilliseconds(
                    settings.RetryBaseDelayMilliseconds * Math.Pow(2, attempt) * (0.5 + Random.Shared.NextDouble()));
                SoapLog.ConcurrencyRetry(logger, operation, fault.Code, attempt + 1, delay.TotalMilliseconds);
                metrics?.RecordRetry(MetricsSystem, endpoint);
                await Task.Delay(delay, timeProvider, cancellationToken);
            }
            catch (Exception exception) when (exception is CommunicationException or TimeoutException)
            {
                channel.Abort();
                metrics?.RecordApiCall(MetricsSystem, endpoint, null);
                cancellationToken.ThrowIfCancellationRequested();
                throw new NetSuiteSoapTransportException(operation, exception);
            }
        }
    }

    private static NetSuiteSoapTransportException MissingBody(string operation) =>
        new(operation, new CommunicationException($"The {operation} reply has no response element."));
}
