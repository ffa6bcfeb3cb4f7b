using ElearningRollout.Application.Identity.ApiAccess;

namespace ElearningRollout.Web.Api.V1;

/// <summary>An OAuth client allowed on the API: the product account it acts as (its roles are that account's) and what it may do.</summary>
public sealed class ApiClientMapping
{
    /// <summary>The user name of the product account the client acts as (a service account an administrator created).</summary>
    public string Account { get; set; } = "";

    public ApiTokenScope Scope { get; set; } = ApiTokenScope.Read;
}

/// <summary>Authentication:Api:* — the REST API's limits and its OAuth client-credentials access tokens.</summary>
public sealed class ApiOptions
{
    public const string Section = "Authentication:Api";

    /// <summary>Requests a minute per token (or OAuth client); one script cannot starve the others.</summary>
    public int RequestsPerMinute { get; set; } = 300;

    /// <summary>The largest JSON body accepted; a larger one is a 413 before it is parsed.</summary>
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>The issuer of OAuth access tokens; Authentication:Oidc:Authority when empty. OAuth is off while both are empty or <see cref="Audience"/> is.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience access tokens must carry (the API's application id URI or client id at the provider).</summary>
    public string? Audience { get; set; }

    /// <summary>Client id (the token's azp, client_id or appid claim) → the account it acts as. A client not listed is refused.</summary>
    public Dictionary<string, ApiClientMapping> Clients { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Outside Development, accept an http authority (metadata and keys fetched without TLS).</summary>
    public bool AllowUnsafeConfiguration { get; set; }
}
