using System.Net;
using DaprSync.Contracts;
using DaprSync.Contracts.NetSuite;
using DaprSync.Contracts.Salesforce;
using DaprSync.Orchestrator.Tests.Fakes;
using DaprSync.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Refit;

namespace DaprSync.Orchestrator.Tests;

/// <summary>
/// Both System APIs' HTTP contracts on one loopback server, backed by the in-memory fakes, so the
/// orchestrator's real Refit clients are exercised over the wire. Queued results replace the next
/// <c>PUT /customers</c> response, as a failing ns-sapi would send them.
/// </summary>
internal sealed class SystemApiStub : IAsyncDisposable
{
    private LoopbackApp server = null!;

    public FakeSalesforceSapi Salesforce { get; } = new();

    public FakeNetSuiteSapi NetSuite { get; } = new();

    public Queue<IResult> CustomerResponses { get; } = new();

    public Uri BaseAddress => server.BaseAddress;

    public static async Task<SystemApiStub> StartAsync()
    {
        var stub = new SystemApiStub();
        stub.server = await LoopbackApp.StartAsync(_ => { }, stub.Map);
        return stub;
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();

    /// <summary>A 422 ProblemDetails body with the extensions that ns-sapi adds for a rejected record.</summary>
    public static IResult Rejection(string errorCode, string field, string detail) =>
        TypedResults.Problem(
            detail,
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "Record rejected by NetSuite",
            extensions: new Dictionary<string, object?>
            {
                [SyncProblemDetails.ErrorCode] = errorCode,
                [SyncProblemDetails.Field] = field,
            });

    private void Map(WebApplication app)
    {
        app.MapGet("/accounts/{accountId}", async (string accountId, CancellationToken cancellationToken) =>
        {
            try
            {
                return Results.Ok(await Salesforce.GetAccountAsync(accountId, cancellationToken));
            }
            catch (ApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
            {
                return Results.Problem($"Account {accountId} was not found.", statusCode: 404);
            }
        });
        app.MapPatch("/accounts/{accountId}/sync", async (string accountId, AccountSyncUpdate update) =>
        {
            await Salesforce.UpdateAccountSyncAsync(accountId, update);
            return Results.NoContent();
        });
        app.MapPut("/customers", async (CustomerUpsertRequest request) =>
        {
            if (CustomerResponses.TryDequeue(out var response))
            {
                NetSuite.Upserts.Enqueue(request);
                return response;
            }

            return Results.Ok(await NetSuite.UpsertCustomerAsync(request));
        });
    }
}
