using ElearningRollout.Application.Administration;
using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Identity;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Identity;

/// <summary>
/// Issue 15: the product's rules for a person the identity provider vouched for (the protocol checks are the web
/// host's): link only on a verified or trusted e-mail, create only when just-in-time creation is on, refuse disabled
/// accounts, and with the provider as role source follow its claims but never take away the last administrator.
/// </summary>
public sealed class ExternalSignInTests : DatabaseTest
{
    private const string Provider = "oidc";

    private static readonly Dictionary<string, string> RoleMap = new()
    {
        ["Rollout.Admin"] = Roles.Administrator,
        ["Rollout.Trainer"] = Roles.TrainingManager,
        ["Rollout.It"] = "itlead",
        ["group-executives"] = Roles.Executive,
        ["Rollout.Bogus"] = "Superuser",
    };

    private static readonly ExternalSignInRules Linking = ExternalSignInRules.Default with { RoleMap = RoleMap };
    private static readonly ExternalSignInRules JustInTime = Linking with { CreateAccounts = true };
    private static readonly ExternalSignInRules FromProvider = Linking with { RoleSource = RoleSource.Provider };

    /// <summary>One sign-in, in its own scope as an HTTP request has it (the account is read fresh every time).</summary>
    private async Task<ExternalSignInResult> ResolveAsync(ExternalIdentity person, ExternalSignInRules rules, string? clientAddress = null)
    {
        await using var scope = Database.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExternalSignIn>().ResolveAccountAsync(person, rules, clientAddress);
    }

    private static ExternalIdentity Person(string email, bool verified = true, string subject = "sub-1", string? department = null, params string[] roleClaims)
        => new(Provider, "Company account", subject, email, verified, "Pat Person", roleClaims, department);

    [Fact]
    public async Task A_verified_email_links_the_existing_account_and_the_link_is_used_afterwards()
    {
        var first = await ResolveAsync(Person(Accounts.Training), Linking, "192.0.2.1");
        // Later sign-ins find the account by the link, even after the e-mail changed at the provider.
        var later = await ResolveAsync(Person("renamed@elearning.test", verified: false), Linking, null);

        Assert.True(first.Accepted);
        Assert.Equal(Accounts.Training, first.Account!.Email);
        Assert.Equal(first.Account.Id, later.Account?.Id);
        Assert.Single(await LoginsAsync(Accounts.Training));
        Assert.Equal(["ProviderLoginLinked"], await ActionsAsync(first.Account.Id));
    }

    [Fact]
    public async Task An_unverified_email_is_not_linked_unless_the_operator_trusts_the_provider()
    {
        var refused = await ResolveAsync(Person(Accounts.ItLead, verified: false), Linking, null);

        Assert.Equal(ExternalSignInRefusal.EmailNotVerified, refused.Refusal);
        Assert.Empty(await LoginsAsync(Accounts.ItLead));

        var trusted = await ResolveAsync(Person(Accounts.ItLead, verified: false), Linking with { TrustProviderEmail = true }, null);
        Assert.True(trusted.Accepted);
        Assert.Single(await LoginsAsync(Accounts.ItLead));
        Assert.Equal(["ProviderSignInRefused", "ProviderLoginLinked"], await ActionsAsync(trusted.Account!.Id));
    }

    [Fact]
    public async Task No_email_and_unknown_people_are_refused_while_just_in_time_creation_is_off()
    {
        Assert.Equal(ExternalSignInRefusal.NoEmail, (await ResolveAsync(Person(" "), Linking, null)).Refusal);
        Assert.Equal(ExternalSignInRefusal.NoAccount, (await ResolveAsync(Person("stranger@elearning.test", department: Departments.It), Linking, null)).Refusal);

        await using var db = await Database.CreateDbContextAsync();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "stranger@elearning.test"));
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == nameof(SignInOutcome.ProviderSignInRefused) && e.UserId == null));
    }

    [Fact]
    public async Task Just_in_time_creation_maps_only_known_roles_and_needs_a_verified_email_and_a_known_department()
    {
        var created = await ResolveAsync(
            Person("nora@elearning.test", department: Departments.Leadership, roleClaims: ["Rollout.It", "group-executives", "Rollout.Bogus", "unmapped"]), JustInTime, null);

        Assert.True(created.Accepted);
        await using (var scope = Database.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var nora = (await users.FindByEmailAsync("nora@elearning.test"))!;
            Assert.Equal([Roles.Executive, Roles.ItLead], (await users.GetRolesAsync(nora)).Order());
            Assert.False(await users.HasPasswordAsync(nora));
            Assert.Single(await users.GetLoginsAsync(nora));
        }

        Assert.Equal(ExternalSignInRefusal.EmailNotVerified,
            (await ResolveAsync(Person("unverified@elearning.test", verified: false, subject: "sub-2", department: Departments.It), JustInTime, null)).Refusal);
        Assert.Equal(ExternalSignInRefusal.UnknownDepartment,
            (await ResolveAsync(Person("nowhere@elearning.test", subject: "sub-3", department: "Marketing"), JustInTime, null)).Refusal);
        Assert.Equal(ExternalSignInRefusal.UnknownDepartment,
            (await ResolveAsync(Person("nodepartment@elearning.test", subject: "sub-4"), JustInTime, null)).Refusal);
    }

    [Fact]
    public async Task A_disabled_account_is_refused_whether_linked_already_or_not()
    {
        await ResolveAsync(Person(Accounts.Executive), Linking, null);
        await SetDisabledAsync(Accounts.Executive);

        Assert.Equal(ExternalSignInRefusal.AccountDisabled, (await ResolveAsync(Person(Accounts.Executive), Linking, null)).Refusal);

        await SetDisabledAsync(Accounts.Training2);
        Assert.Equal(ExternalSignInRefusal.AccountDisabled, (await ResolveAsync(Person(Accounts.Training2, subject: "sub-9"), Linking, null)).Refusal);
        Assert.Empty(await LoginsAsync(Accounts.Training2));
    }

    [Fact]
    public async Task With_roles_managed_in_the_product_the_claims_change_nothing()
    {
        var result = await ResolveAsync(Person(Accounts.Training, roleClaims: "Rollout.Admin"), Linking, null);

        Assert.Equal([Roles.TrainingManager], await RolesAsync(Accounts.Training));
        Assert.DoesNotContain("RolesChangedFromClaims", await ActionsAsync(result.Account!.Id));
    }

    [Fact]
    public async Task With_the_provider_as_role_source_roles_and_department_follow_the_claims_and_the_change_is_audited()
    {
        var result = await ResolveAsync(Person(Accounts.Training, department: Departments.It, roleClaims: "Rollout.It"), FromProvider, null);

        Assert.Equal([Roles.ItLead], await RolesAsync(Accounts.Training));
        await using var db = await Database.CreateDbContextAsync();
        Assert.Equal(Departments.It, await db.Users.Where(u => u.Email == Accounts.Training).Select(u => u.Department!.Name).SingleAsync());
        var change = await db.AuditEntries.SingleAsync(e => e.EntityId == result.Account!.Id && e.Action == "RolesChangedFromClaims");
        Assert.Contains("\"Before\":\"TrainingManager\"", change.After, StringComparison.Ordinal);
        Assert.Contains("\"After\":\"ItLead\"", change.After, StringComparison.Ordinal);
        Assert.Contains(await ActionsAsync(result.Account!.Id), a => a == "DepartmentChangedFromClaims");

        // Same claims again: nothing to change, nothing audited.
        await ResolveAsync(Person(Accounts.Training, department: Departments.It, roleClaims: "Rollout.It"), FromProvider, null);
        Assert.Single(await ActionsAsync(result.Account.Id), a => a == "RolesChangedFromClaims");
    }

    [Fact]
    public async Task The_provider_cannot_take_the_role_from_the_last_active_administrator()
    {
        await ResolveAsync(Person(Accounts.Admin, roleClaims: "Rollout.Trainer"), FromProvider, null);

        Assert.Equal([Roles.Administrator, Roles.TrainingManager], (await RolesAsync(Accounts.Admin)).Order());
    }

    [Fact]
    public async Task An_administrator_unlinks_a_company_account_and_the_next_sign_in_is_a_first_one_again()
    {
        var linked = await ResolveAsync(Person(Accounts.Training), Linking, null);
        var login = Assert.Single((await Database.Get<UserQueries>().ListAsync(new UserListQuery(Accounts.Training), new PageRequest())).Items).ProviderLogins.Single();
        Assert.Equal("Company account", login.ProviderDisplayName);

        await Database.Get<UserCommands>().RemoveProviderLoginAsync(linked.Account!.Id, login.Provider, login.ProviderKey);

        Assert.Empty(await LoginsAsync(Accounts.Training));
        await using (var db = await Database.CreateDbContextAsync())
        {
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityId == linked.Account.Id && e.Action == "ProviderLoginRemoved" && e.UserName == "Alex Admin"));
        }

        await Assert.ThrowsAsync<NotFoundException>(() => Database.Get<UserCommands>().RemoveProviderLoginAsync(linked.Account.Id, login.Provider, login.ProviderKey));
        Assert.Equal(ExternalSignInRefusal.EmailNotVerified, (await ResolveAsync(Person(Accounts.Training, verified: false), Linking, null)).Refusal);
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Database.PlayAsync(Accounts.Admin);
    }

    private async Task<IList<UserLoginInfo>> LoginsAsync(string email)
    {
        await using var scope = Database.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.GetLoginsAsync((await users.FindByEmailAsync(email))!);
    }

    private async Task<IList<string>> RolesAsync(string email)
    {
        await using var scope = Database.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.GetRolesAsync((await users.FindByEmailAsync(email))!);
    }

    private async Task SetDisabledAsync(string email)
    {
        await using var scope = Database.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        user.IsDisabled = true;
        await users.UpdateAsync(user);
    }

    private async Task<List<string>> ActionsAsync(string userId)
    {
        await using var db = await Database.CreateDbContextAsync();
        return await db.AuditEntries.Where(e => e.EntityType == "Account" && e.EntityId == userId).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
    }
}
