using System.ServiceModel;
using DaprSync.NetSuiteSapi.Auth;
using DaprSync.NetSuiteSapi.Soap.Contracts;
using Microsoft.Extensions.Options;

namespace DaprSync.NetSuiteSapi.Soap;

/// <summary>Registers the SOAP settings, the WCF channel factory and <see cref="NetSuiteSoapClient"/>.</summary>
public static class NetSuiteSoapRegistration
{
    /// <summary>Adds the SOAP client. Needs the <c>NetSuite</c> section's <see cref="TbaSigner"/>, which
    /// <see cref="NetSuiteRestRegistration.AddNetSuiteRestClient"/> registers.</summary>
    public static IServiceCollection AddNetSuiteSoapClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<SoapOptions>()
            .Bind(configuration.GetSection(SoapOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SoapOptions>, SoapOptionsValidator>();

        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<NetSuiteOptions>>().Value;
            return new TbaCredentials(
                NetSuiteAccount.FromAccountId(options.AccountId),
                options.ConsumerKey,
                options.ConsumerSecret,
                options.TokenId,
                options.TokenSecret);
        });
        services.AddSingleton(provider => CreateChannelFactory(
            provider.GetRequiredService<IOptions<NetSuiteOptions>>().Value,
            provider.GetRequiredService<IOptions<SoapOptions>>().Value));
        services.AddSingleton<NetSuiteSoapClient>();
        return services;
    }

    /// <summary>Returns <c>{root}/services/NetSuitePort_2023_2</c>, where the root is <see cref="SoapOptions.BaseUrl"/>
    /// or the account's SuiteTalk host.</summary>
    public static Uri PortAddress(NetSuiteOptions account, SoapOptions soap)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(soap);
        var root = string.IsNullOrWhiteSpace(soap.BaseUrl)
            ? "https://" + NetSuiteAccount.FromAccountId(account.AccountId).SuiteTalkHost
            : soap.BaseUrl.TrimEnd('/');
        return new Uri(root + SoapNamespaces.PortPath);
    }

    private static ChannelFactory<INetSuitePort> CreateChannelFactory(NetSuiteOptions account, SoapOptions soap)
    {
        var address = PortAddress(account, soap);
        var timeout = TimeSpan.FromSeconds(soap.RequestTimeoutSeconds);
        var binding = new BasicHttpBinding(address.Scheme == Uri.UriSchemeHttps
            ? BasicHttpSecurityMode.Transport
            : BasicHttpSecurityMode.None)
        {
            // A Sales Order with a few hundred lines read back by get stays well under this.
            MaxReceivedMessageSize = 16 * 1024 * 1024,
            SendTimeout = timeout,
            ReceiveTimeout = timeout,
            OpenTimeout = timeout,
            CloseTimeout = timeout,
        };
        return new ChannelFactory<INetSuitePort>(binding, new EndpointAddress(address));
    }
}
