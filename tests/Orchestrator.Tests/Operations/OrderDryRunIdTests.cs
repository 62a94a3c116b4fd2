using System.Net;
using System.Reflection;
using System.Text.Json;
using DaprSync.Contracts.Salesforce;
using DaprSync.Orchestrator.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Refit;

namespace DaprSync.Orchestrator.Tests.Operations;

/// <summary>The order dry run for an id that sf-sapi rejects as malformed.</summary>
public sealed class OrderDryRunIdTests
{
    [Fact]
    public async Task DryRun_MalformedOrderId_Returns400Problem()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var rejection = await ApiExceptions.CreateAsync(
            HttpStatusCode.BadRequest,
            ApiExceptions.Problem(400, "Invalid Order id", "'doesnotexist' is not a Salesforce Order id.",
                "MALFORMED_ID", null),
            HttpMethod.Get);
        await using var host = await OperationsHost.StartAsync(
            configure: services => services.AddSingleton(RejectingOrderReads.Create(rejection)));

        using var response = await host.Admin.PostAsync("admin/dry-run/order/doesnotexist", null, cancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        Assert.Equal("Invalid Order id", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains("'doesnotexist'", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("orderId", problem.RootElement.GetProperty("field").GetString());
    }

    /// <summary>An <see cref="ISalesforceSapi"/> whose order read fails with a fixed error; other calls throw.</summary>
    public class RejectingOrderReads : DispatchProxy
    {
        private ApiException? rejection;

        public static ISalesforceSapi Create(ApiException rejection)
        {
            var proxy = Create<ISalesforceSapi, RejectingOrderReads>();
            ((RejectingOrderReads)(object)proxy).rejection = rejection;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod?.Name == nameof(ISalesforceSapi.GetOrderAsync)
                ? Task.FromException<SalesforceOrder>(rejection!)
                : throw new NotSupportedException($"The order dry run does not call {targetMethod?.Name}.");
    }
}
