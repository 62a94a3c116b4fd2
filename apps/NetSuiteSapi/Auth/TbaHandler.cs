using System.Security.Cryptography;

namespace DaprSync.NetSuiteSapi.Auth;

/// <summary>
/// Adds a fresh Token-Based Authentication header to every outgoing REST request: a random nonce per request
/// and the timestamp from <see cref="TimeProvider"/>.
/// </summary>
public sealed class TbaHandler(TbaSigner signer, TimeProvider timeProvider) : DelegatingHandler
{
    private const string NonceAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    protected override Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri
            ?? throw new InvalidOperationException("A NetSuite REST request needs an absolute URI to be signed.");

        var header = signer.CreateAuthorizationHeader(
            request.Method,
            uri,
            CreateNonce(),
            timeProvider.GetUtcNow().ToUnixTimeSeconds());

        // A retried request passes through again with its previous header, which must not stay beside the new one.
        request.Headers.Authorization = null;
        request.Headers.TryAddWithoutValidation("Authorization", header);
        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>Creates 32 alphanumeric characters from <see cref="RandomNumberGenerator"/>, about 190 bits.</summary>
    public static string CreateNonce() => RandomNumberGenerator.GetString(NonceAlphabet, 32);
}
