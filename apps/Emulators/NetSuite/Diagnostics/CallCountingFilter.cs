namespace DaprSync.NetSuiteEmulator.Diagnostics;

/// <summary>Counts each call under its method and route template before any other filter can reject it.</summary>
internal sealed class CallCountingFilter(NetSuiteCallCounter counter) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var httpContext = context.HttpContext;
        var template = (httpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? httpContext.Request.Path;
        counter.Increment(httpContext.Request.Method + " " + template);
        return next(context);
    }
}
