using ElearningRollout.Application.Administration;
using ElearningRollout.Application.Common.Edits;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Identity.Provisioning;

/// <summary>
/// An account as the identity provider states it (SCIM's User resource in the product's words). A create or a replace
/// sends all of it; a patch is applied by the caller to the current state and sent whole.
/// </summary>
public sealed class ProvisionedAccountDraft
{
    /// <summary>What the person signs in with (Entra: the user principal name or mail).</summary>
    public string UserName { get; set; } = "";

    public string DisplayName { get; set; } = "";

    /// <summary>The work e-mail; the user name when none is sent.</summary>
    public string? Email { get; set; }

    /// <summary>A department's name (any case); null keeps the current one, or gives a new account the default department.</summary>
    public string? Department { get; set; }

    public bool Active { get; set; } = true;

    public string? ExternalId { get; set; }
}

public sealed class ProvisionedAccountDraftValidator : AbstractValidator<ProvisionedAccountDraft>
{
    /// <summary>Identity's user name column.</summary>
    public const int MaxUserNameLength = 256;

    public const int MaxExternalIdLength = 200;

    public ProvisionedAccountDraftValidator()
    {
        RuleFor(d => d.UserName).Must(n => IsAddress(n) && n.Trim().Length <= MaxUserNameLength)
            .WithMessage("userName must be an address such as a user principal name or e-mail (name@domain), up to 256 characters.");
        RuleFor(d => d.DisplayName).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= NewUserDraftValidator.MaxDisplayNameLength)
            .WithMessage($"displayName (or name.givenName and name.familyName) is required, up to {NewUserDraftValidator.MaxDisplayNameLength} characters.");
        RuleFor(d => d.Email).Must(e => e is null || (IsAddress(e) && e.Trim().Length <= MaxUserNameLength))
            .WithMessage("The work e-mail must be a valid e-mail address.");
        RuleFor(d => d.ExternalId).Must(x => x is null || x.Length <= MaxExternalIdLength)
            .WithMessage($"externalId is up to {MaxExternalIdLength} characters.");
    }

    private static bool IsAddress(string? value)
        => !string.IsNullOrWhiteSpace(value) && System.Net.Mail.MailAddress.TryCreate(value.Trim(), out var address) && address.Address == value.Trim();
}

/// <summary>A department that is sent must be one of the product's (by name, any case): departments split costs, so a person is never put in one by guess.</summary>
public sealed class ProvisionedAccountServerRules : ServerRules<ProvisionedAccountDraft>
{
    public ProvisionedAccountServerRules()
        => RuleFor(d => d.Department)
            .MustAsync(async (_, name, context, ct) => name is null || await ProvisionedDepartments.FindAsync(Edit(context).Db, name, ct) is not null)
            .WithMessage((_, name) => $"There is no department \"{name}\" here. An administrator adds it on the Departments page, or the identity provider's mapping sends one of the product's department names.");
}

internal static class ProvisionedDepartments
{
    /// <summary>The department of that name, any case; a few rows, so compared here rather than with a provider's collation.</summary>
    public static async Task<Department?> FindAsync(Persistence.ElearningRolloutDbContext db, string name, CancellationToken cancellationToken)
    {
        var wanted = name.Trim();
        var departments = await db.Departments.AsNoTracking().ToListAsync(cancellationToken);
        return departments.FirstOrDefault(d => string.Equals(d.Name, wanted, StringComparison.OrdinalIgnoreCase));
    }
}
