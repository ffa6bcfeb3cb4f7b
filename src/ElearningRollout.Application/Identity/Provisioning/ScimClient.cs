using ElearningRollout.Domain.Common;

namespace ElearningRollout.Application.Identity.Provisioning;

/// <summary>
/// An identity provider whose SCIM token <see cref="ScimTokenAuthentication"/> accepted. Only the application makes
/// one (the constructor is internal), so holding one is the proof <see cref="AccountProvisioning"/> asks for: the web
/// layer cannot provision on the strength of a header it merely read.
/// </summary>
public sealed class ScimClient
{
    internal ScimClient(Guid tokenId, string tokenName)
    {
        TokenId = tokenId;
        TokenName = tokenName;
    }

    public Guid TokenId { get; }

    public string TokenName { get; }

    /// <summary>How the audit trail names the token's changes.</summary>
    public string AuditName => AuditNameOf(TokenName);

    /// <summary>The actor the edit pipeline writes in the token's name; it holds no role and is no account.</summary>
    internal Actor Actor => new($"scim-token:{TokenId}", AuditName, "", new HashSet<string>());

    internal static string AuditNameOf(string tokenName) => $"SCIM token {tokenName}";
}
