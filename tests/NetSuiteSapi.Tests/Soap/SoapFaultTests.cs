using System.Net;
using DaprSync.NetSuiteEmulator.Soap;
using DaprSync.NetSuiteSapi.Auth;
using static DaprSync.NetSuiteSapi.Tests.Soap.SalesOrderRequests;

namespace DaprSync.NetSuiteSapi.Tests.Soap;

public sealed class SoapFaultTests
{
    [Fact]
    public void TokenPassportSignature_CheckValue_Matches()
    {
        var credentials = new TbaCredentials(
            NetSuiteAccount.FromAccountId("TESTACCT"), "consumer-key", "consumer-secret", "token-id", "token-secret");

        var signature = TbaSigner.ComputeTokenPassportSignature(credentials, "abc123", 1700000000);

        Assert.Equal("HS19B/haU3as/qqpY5QOeFBgXtYTHRx3TiaAZ9Crjqg=", signature);
    }

    [Fact]
    public async Task ConcurrencyFaults_RetriedToSuccess()
    {
        await using var host = await SoapTestHost.StartAsync();
        host.Items.Add("SKU-CHAI");
        host.Faults.Enqueue(InjectedSoapFault.ConcurrentRequestLimit, times: 2);
        host.Faults.Enqueue(InjectedSoapFault.RequestBlocked);

        using var response = await PutAsync(host, Order(host.CustomerId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.Orders.All);
        // Three faulted attempts of the upsert, then the upsert and the get for the tranId.
        Assert.Equal(5, host.Requests.Count);
    }

    [Fact]
    public async Task ConcurrencyFaults_RetriesExhausted_Returns503()
    {
        await using var host = await SoapTestHost.StartAsync();
        host.Items.Add("SKU-CHAI");
        host.Faults.Enqueue(InjectedSoapFault.ConcurrentRequestLimit, times: 4);

        using var response = await PutAsync(host, Order(host.CustomerId));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(4, host.Requests.Count);
        Assert.Empty(host.Orders.All);
    }

    [Fact]
    public async Task InvalidCredentials_Returns502WithoutRetry()
    {
        await using var host = await SoapTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["NetSuite:TokenSecret"] = "wrong-secret",
        });
        host.Items.Add("SKU-CHAI");

        using var response = await PutAsync(host, Order(host.CustomerId));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var problem = await SalesOrderUpsertTests.ProblemAsync(response);
        Assert.Equal("INVALID_LOGIN_ATTEMPT", problem["errorCode"].ToString());
        Assert.Single(host.Requests);
    }

    [Fact]
    public async Task UnexpectedFault_Returns503()
    {
        await using var host = await SoapTestHost.StartAsync();
        host.Items.Add("SKU-CHAI");
        host.Faults.Enqueue(new InjectedSoapFault("unexpectedErrorFault", "UNEXPECTED_ERROR", "An error occurred."));

        using var response = await PutAsync(host, Order(host.CustomerId));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(host.Requests);
    }
}
