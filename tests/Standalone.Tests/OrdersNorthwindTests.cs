using DaprSync.Standalone.Sandbox;
using Microsoft.Extensions.Configuration;

namespace DaprSync.Standalone.Tests;

/// <summary>The full sandbox over the Northwind plan: every order and line reaches NetSuite and is written back.</summary>
public sealed class OrdersNorthwindTests
{
    /// <summary>Environment variable that turns the run on; it takes about two minutes on a 2-core machine.</summary>
    public const string EnableVariable = "DAPRSYNC_NORTHWIND_SANDBOX";

    [Fact]
    [Trait("Category", "Northwind")]
    public async Task Sandbox_NorthwindPlan_SyncsAll830OrdersAnd2155Lines()
    {
        var plan = SharedData.NorthwindPlan();
        if (plan is null)
        {
            Assert.Skip("The Northwind data-tree plan is not beside this clone (../shared/data/northwind); it is test input only.");
        }

        if (Environment.GetEnvironmentVariable(EnableVariable) != "1")
        {
            Assert.Skip($"The Northwind sandbox run takes minutes; set {EnableVariable}=1 to run it.");
        }

        using var output = new StringWriter();
        var options = new SandboxOptions(plan, null, TimeSpan.FromMinutes(5), KeepRunning: false);
        var summary = await new SandboxRunner(options, output).RunAsync(new ConfigurationBuilder().Build(), TestContext.Current.CancellationToken);

        var orders = summary.Flows.Single(f => f.Flow == "order");
        Assert.True(summary.Success, output.ToString());
        Assert.Equal(830, orders.Expected);
        Assert.Equal(830, orders.Synced);
        Assert.Contains("830 orders carry their NetSuite order id and number", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("NetSuite holds 830 Sales Orders with 2155 lines", output.ToString(), StringComparison.Ordinal);
    }
}
