namespace ElearningRollout.Web.Hosting;

/// <summary>
/// Response headers that keep the browser from doing what the app never needs: running scripts from anywhere
/// but the app, being framed, sniffing content types, leaking the address to other sites.
/// </summary>
/// <remarks>
/// Blazor Server needs no inline script and no eval; its WebSocket is same-origin, which 'self' covers (CSP Level 3
/// matches ws:/wss: to the page's own host for 'self'), so connect-src allows no other host.
/// MudBlazor positions popovers with inline style attributes, hence style-src 'unsafe-inline'.
/// </remarks>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    /// <summary>
    /// With single sign-on on, the sign-in and sign-out forms post here and are redirected to the provider: browsers apply
    /// form-action to that redirect too, so the provider's origin (its authority's) is allowed as well, and nothing else.
    /// </summary>
    public static string PolicyFor(SingleSignOnSettings? singleSignOn)
        => singleSignOn is { Enabled: true } && Uri.TryCreate(singleSignOn.Authority, UriKind.Absolute, out var authority)
            ? ContentSecurityPolicy.Replace("form-action 'self'", $"form-action 'self' {authority.GetLeftPart(UriPartial.Authority)}", StringComparison.Ordinal)
            : ContentSecurityPolicy;

    /// <summary>
    /// The API reference page (/api/docs, Scalar) starts its script with an inline configuration: it gets a fresh nonce
    /// per response, which the policy of that response alone allows. Every other page keeps script-src 'self'.
    /// </summary>
    private static string? ApiReferenceNonce(HttpContext context)
        => context.Request.Path.StartsWithSegments(Api.V1.ApiHosting.DocsPath)
           && context.Items.TryGetValue(Scalar.AspNetCore.ScalarOptions.NonceHttpContextItemKey, out var nonce) && nonce is string value
           && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=' or '-' or '_')
            ? value
            : null;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var policy = PolicyFor(app.ApplicationServices.GetService<SingleSignOnSettings>());
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ApiReferenceNonce(context) is { } nonce
                    ? policy.Replace("script-src 'self'", $"script-src 'self' 'nonce-{nonce}'", StringComparison.Ordinal)
                    : policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                return Task.CompletedTask;
            });
            await next();
        });
    }
}
