namespace DaprSync.NetSuiteEmulator.Records.Payments;

/// <summary>Registers the customer payment store and its writes.</summary>
public static class PaymentRegistration
{
    public static IServiceCollection AddNetSuitePayments(this IServiceCollection services)
    {
        services.AddSingleton<PaymentBook>();
        services.AddSingleton<PaymentWrites>();
        return services;
    }
}
