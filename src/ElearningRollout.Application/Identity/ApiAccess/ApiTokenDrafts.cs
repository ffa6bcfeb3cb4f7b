using ElearningRollout.Application.Common.Edits;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Identity.ApiAccess;

/// <summary>The form of a new personal access token: a name that says which script uses it, a scope and a last day.</summary>
public sealed class ApiTokenDraft
{
    public string Name { get; set; } = "";

    public ApiTokenScope Scope { get; set; } = ApiTokenScope.Read;

    /// <summary>The last day (UTC) the token is accepted.</summary>
    public DateOnly? ExpiresOn { get; set; }
}

public sealed class ApiTokenDraftValidator : AbstractValidator<ApiTokenDraft>
{
    public ApiTokenDraftValidator()
    {
        RuleFor(d => d.Name).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= ApiToken.MaxNameLength)
            .WithMessage($"Name the token after the script that uses it, e.g. \"Power BI refresh\" (up to {ApiToken.MaxNameLength} characters).");
        RuleFor(d => d.Scope).IsInEnum().WithMessage("Choose read or read and write.");
        RuleFor(d => d.ExpiresOn).NotNull().WithMessage($"Choose the token's last day (at most {ApiToken.MaxLifetimeDays} days ahead).");
    }
}

/// <summary>The last day is after today and within <see cref="ApiToken.MaxLifetimeDays"/>; no two of the person's tokens in use share a name.</summary>
public sealed class ApiTokenServerRules : ServerRules<ApiTokenDraft>
{
    public ApiTokenServerRules()
    {
        RuleFor(d => d.ExpiresOn)
            .Must((_, day, context) => day is null || (day > Edit(context).Today && day <= Edit(context).Today.AddDays(ApiToken.MaxLifetimeDays)))
            .WithMessage($"Choose a day after today and at most {ApiToken.MaxLifetimeDays} days ahead.");
        RuleFor(d => d.Name)
            .MustAsync(async (_, name, context, ct) =>
            {
                var trimmed = (name ?? "").Trim();
                var userId = Edit(context).Actor.UserId;
                return !await Edit(context).Db.ApiTokens.AnyAsync(t => t.UserId == userId && t.Name == trimmed && t.RevokedAt == null, ct);
            })
            .WithMessage("One of your tokens in use already has this name.");
    }
}
