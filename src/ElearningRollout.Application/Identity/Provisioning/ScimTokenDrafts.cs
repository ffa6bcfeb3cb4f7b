using ElearningRollout.Application.Common.Edits;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Identity.Provisioning;

/// <summary>The form of a new SCIM token: a name that says where it is used, and an optional last day.</summary>
public sealed class ScimTokenDraft
{
    public string Name { get; set; } = "";

    /// <summary>The last day (UTC) the token is accepted; null for no expiry.</summary>
    public DateOnly? ExpiresOn { get; set; }
}

public sealed class ScimTokenDraftValidator : AbstractValidator<ScimTokenDraft>
{
    public ScimTokenDraftValidator()
        => RuleFor(d => d.Name).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= ScimToken.MaxNameLength)
            .WithMessage($"Name the token after where it is used, e.g. \"Entra production\" (up to {ScimToken.MaxNameLength} characters).");
}

/// <summary>The expiry is after today; no two tokens in use share a name (the audit trail names tokens by name).</summary>
public sealed class ScimTokenServerRules : ServerRules<ScimTokenDraft>
{
    public ScimTokenServerRules()
    {
        RuleFor(d => d.ExpiresOn)
            .Must((_, day, context) => day is null || day > Edit(context).Today)
            .WithMessage("Choose a day after today, or no expiry.");
        RuleFor(d => d.Name)
            .MustAsync(async (_, name, context, ct) =>
            {
                var trimmed = (name ?? "").Trim();
                return !await Edit(context).Db.ScimTokens.AnyAsync(t => t.Name == trimmed && t.RevokedAt == null, ct);
            })
            .WithMessage("A token in use already has this name.");
    }
}
