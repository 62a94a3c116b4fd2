using DaprSync.Contracts;
using DaprSync.Contracts.NetSuite;
using DaprSync.NetSuiteSapi.Soap;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DaprSync.NetSuiteSapi.SalesOrders;

/// <summary>
/// <c>PUT /sales-orders</c>, the implementation of <see cref="INetSuiteSapi.UpsertSalesOrderAsync"/>: 200 with the
/// result, 400 for a request missing required values, 422 for a rejected record, 502 for a rejected login and 503
/// for a transient NetSuite failure.
/// </summary>
public static class SalesOrdersApi
{
    /// <summary>Registers the SOAP client, the <c>NetSuite:SalesOrders</c> settings and the upsert service.</summary>
    public static IServiceCollection AddNetSuiteSalesOrders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddNetSuiteSoapClient(configuration);
        services.AddOptions<SalesOrderOptions>()
            .Bind(configuration.GetSection(SalesOrderOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SalesOrderOptions>, SalesOrderOptionsValidator>();
        services.AddSingleton<TranIdReader>();
        services.AddSingleton(provider => new SalesOrderMapper(
            provider.GetRequiredService<IOptions<SalesOrderOptions>>().Value,
            provider.GetRequiredService<IOptions<SoapOptions>>().Value.ResolveTimeZone()));
        services.AddScoped<SalesOrderUpsertService>();
        return services;
    }

    public static IEndpointRouteBuilder MapSalesOrdersApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPut("/sales-orders", UpsertAsync);
        return endpoints;
    }

    private static async Task<Results<Ok<SalesOrderUpsertResult>, ValidationProblem, ProblemHttpResult>> UpsertAsync(
        SalesOrderUpsertRequest request,
        SalesOrderUpsertService service,
        CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await service.UpsertAsync(request, cancellationToken) switch
        {
            SalesOrderUpsertOutcome.Succeeded succeeded => TypedResults.Ok(succeeded.Result),
            SalesOrderUpsertOutcome.Rejected rejected => Problem(StatusCodes.Status422UnprocessableEntity,
                "NetSuite rejected the Sales Order", rejected.Detail, rejected.ErrorCode, rejected.Field),
            SalesOrderUpsertOutcome.LoginFailed login => Problem(StatusCodes.Status502BadGateway,
                "NetSuite rejected the login", login.Detail, "INVALID_LOGIN_ATTEMPT", null),
            SalesOrderUpsertOutcome.Transient transient => Problem(StatusCodes.Status503ServiceUnavailable,
                "NetSuite is unavailable", transient.Reason + "; retry later.", null, null),
            var other => throw new InvalidOperationException($"Unhandled Sales Order outcome {other}."),
        };
    }

    private static ProblemHttpResult Problem(int status, string title, string detail, string? errorCode, string? field)
    {
        var extensions = new Dictionary<string, object?>();
        if (errorCode is not null)
        {
            extensions[SyncProblemDetails.ErrorCode] = errorCode;
        }

        if (field is not null)
        {
            extensions[SyncProblemDetails.Field] = field;
        }

        return TypedResults.Problem(detail, statusCode: status, title: title, extensions: extensions);
    }

    private static Dictionary<string, string[]> Validate(SalesOrderUpsertRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.ExternalId))
        {
            errors[nameof(request.ExternalId)] = ["ExternalId (the Salesforce Order id) is missing."];
        }

        if (string.IsNullOrWhiteSpace(request.CustomerInternalId))
        {
            errors[nameof(request.CustomerInternalId)] = ["CustomerInternalId is missing."];
        }

        var lines = request.Lines ?? [];
        if (lines.Count == 0)
        {
            errors[nameof(request.Lines)] = ["A Sales Order needs at least one line."];
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i].OrderItemId) || string.IsNullOrWhiteSpace(lines[i].Sku))
            {
                errors[$"Lines[{i}]"] = ["OrderItemId and Sku are required."];
            }
            else if (lines[i].Quantity <= 0)
            {
                errors[$"Lines[{i}].Quantity"] = [$"Quantity {lines[i].Quantity} is invalid: use a positive number."];
            }

            if (lines[i].DiscountPercent is < 0 or > 100)
            {
                errors[$"Lines[{i}].DiscountPercent"] =
                    [$"DiscountPercent {lines[i].DiscountPercent} is invalid: use 0 to 100."];
            }
        }

        return errors;
    }
}
