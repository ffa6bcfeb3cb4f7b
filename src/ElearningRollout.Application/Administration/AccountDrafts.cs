using ElearningRollout.Domain.Common;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Administration;

/// <summary>
/// What the Users dialog changes of an account, saved together: its department (one that exists) and its roles (at
/// least one, each one of the product's).
/// </summary>
public sealed class AccountChangeDraft
{
    public string Department { get; set; } = "";

    public List<string> Roles { get; set; } = [];
}

public sealed class NewUserDraftValidator : AbstractValidator<NewUserDraft>
{
    public const int MaxDisplayNameLength = 120;

    public static readonly string NameMessage = $"Enter the person's name (up to {MaxDisplayNameLength} characters).";

    public const string EmailMessage = "Enter a valid e-mail address.";

    public NewUserDraftValidator()
    {
        RuleFor(d => d.DisplayName).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= MaxDisplayNameLength)
            .WithMessage(NameMessage);
        RuleFor(d => d.Email).Must(e => System.Net.Mail.MailAddress.TryCreate((e ?? "").Trim(), out _))
            .WithMessage(EmailMessage);
        RuleFor(d => d.Roles).Must(AccountRoles.AreValid).WithMessage(AccountRoles.Message);
    }
}

public sealed class AccountChangeDraftValidator : AbstractValidator<AccountChangeDraft>
{
    public AccountChangeDraftValidator() => RuleFor(d => d.Roles).Must(AccountRoles.AreValid).WithMessage(AccountRoles.Message);
}

/// <summary>One account per e-mail address, in a department that exists.</summary>
public sealed class NewUserServerRules : ServerRules<NewUserDraft>
{
    public NewUserServerRules()
    {
        RuleFor(d => d.Email)
            .MustAsync(async (_, email, context, ct) =>
            {
                var normalized = (email ?? "").Trim().ToUpperInvariant();
                return !await Edit(context).Db.Users.AnyAsync(u => u.NormalizedEmail == normalized, ct);
            })
            .When(d => System.Net.Mail.MailAddress.TryCreate((d.Email ?? "").Trim(), out _))
            .WithMessage("An account with this e-mail already exists.");
        RuleFor(d => d.Department)
            .MustAsync(async (_, name, context, ct) => await AccountDepartments.ExistsAsync(Edit(context), name, ct))
            .WithMessage(AccountDepartments.Message);
    }
}

public sealed class AccountChangeServerRules : ServerRules<AccountChangeDraft>
{
    public AccountChangeServerRules()
        => RuleFor(d => d.Department)
            .MustAsync(async (_, name, context, ct) => await AccountDepartments.ExistsAsync(Edit(context), name, ct))
            .WithMessage(AccountDepartments.Message);
}

internal static class AccountRoles
{
    public const string Message = "Choose at least one role.";

    public static bool AreValid(IReadOnlyCollection<string>? roles) => roles is { Count: > 0 } && roles.All(r => Roles.All.Contains(r));
}

public static class AccountDepartments
{
    public const string Message = "Choose a department.";

    public static Task<bool> ExistsAsync(EditContext edit, string? name, CancellationToken cancellationToken)
        => edit.Db.Departments.AnyAsync(d => d.Name == name, cancellationToken);
}
