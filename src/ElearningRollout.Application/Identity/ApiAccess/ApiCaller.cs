namespace ElearningRollout.Application.Identity.ApiAccess;

/// <summary>
/// Who a REST API request speaks for, once the application accepted its credentials: the account, what the
/// credentials allow (<see cref="Scope"/>), and whether they may use the Administrator role. Only the application makes
/// one (the constructor is internal): the web layer cannot act for an account on the strength of a header it merely read.
/// </summary>
public sealed class ApiCaller
{
    internal ApiCaller(string userId, ApiTokenScope scope, bool mayActAsAdministrator, Guid? tokenId, string credentialName)
    {
        UserId = userId;
        Scope = scope;
        MayActAsAdministrator = mayActAsAdministrator;
        TokenId = tokenId;
        CredentialName = credentialName;
    }

    public string UserId { get; }

    public ApiTokenScope Scope { get; }

    public bool MayActAsAdministrator { get; }

    /// <summary>The personal access token presented; null for an OAuth client's access token.</summary>
    public Guid? TokenId { get; }

    /// <summary>How the audit trail names the credentials: "API token nightly report", "OAuth client powerbi".</summary>
    public string CredentialName { get; }

    public bool MayWrite => Scope == ApiTokenScope.ReadWrite;
}
