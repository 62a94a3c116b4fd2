namespace DaprSync.Contracts;

/// <summary>Dapr app ids of the three applications.</summary>
public static class AppIds
{
    public const string SalesforceSapi = "sf-sapi";
    public const string NetSuiteSapi = "ns-sapi";
    public const string Orchestrator = "orchestrator";
}
