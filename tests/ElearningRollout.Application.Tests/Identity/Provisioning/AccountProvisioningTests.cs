using ElearningRollout.Application.Common;
using ElearningRollout.Application.Identity;
using ElearningRollout.Application.Identity.Provisioning;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Identity.Provisioning;

/// <summary>The provisioning rules an identity provider's SCIM calls go through, on a real SQLite database.</summary>
public sealed class AccountProvisioningTests : DatabaseTest
{
    private ScimClient _entra = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Database.PlayAsync(Accounts.Admin);
        var token = await Database.Get<ScimTokenCommands>().CreateAsync(new ScimTokenDraft { Name = "Entra" });
        _entra = (await Database.Get<ScimTokenAuthentication>().AuthenticateAsync(token.Secret, null))!;
    }

    private AccountProvisioning Provisioning => Database.Get<AccountProvisioning>();

    private static ProvisionedAccountDraft Petra(string? department = "it") => new()
    {
        UserName = "petra@contoso.test", DisplayName = "Petra Provisioned", Department = department, ExternalId = "entra-object-1",
    };

    [Fact]
    public async Task A_provisioned_account_has_no_password_no_role_its_department_by_name_and_is_audited_as_the_token()
    {
        var petra = await Provisioning.CreateAsync(_entra, Petra());

        Assert.Equal("IT", petra.Department);
        Assert.Equal("petra@contoso.test", petra.Email);
        Assert.Empty(petra.Roles);
        Assert.True(petra.Active);
        var account = await AccountAsync(petra.Id);
        Assert.Null(account.PasswordHash);
        Assert.Equal("entra-object-1", account.ExternalId);
        await using var db = await Database.CreateDbContextAsync();
        var entry = await db.AuditEntries.SingleAsync(a => a.EntityId == petra.Id && a.Action == "AccountProvisioned");
        Assert.Equal("SCIM token Entra", entry.UserName);
    }

    [Fact]
    public async Task A_taken_user_name_or_e_mail_is_a_conflict_and_an_unknown_department_a_field_message()
    {
        await Assert.ThrowsAsync<AccountTakenException>(() => Provisioning.CreateAsync(_entra, new ProvisionedAccountDraft { UserName = Accounts.Training.ToUpperInvariant(), DisplayName = "Copy" }));
        await Assert.ThrowsAsync<AccountTakenException>(() => Provisioning.CreateAsync(_entra, new ProvisionedAccountDraft { UserName = "tara@contoso.test", Email = Accounts.Training, DisplayName = "Copy" }));
        var sales = await Assert.ThrowsAsync<ValidationFailedException>(() => Provisioning.CreateAsync(_entra, Petra(department: "Sales")));

        Assert.Contains("Sales", sales.Errors[nameof(ProvisionedAccountDraft.Department)].Single(), StringComparison.Ordinal);
        await using var db = await Database.CreateDbContextAsync();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "petra@contoso.test"), "nothing half-written");
    }

    [Fact]
    public async Task Without_a_department_a_new_account_gets_the_default_and_a_replace_keeps_the_current_one()
    {
        var petra = await Provisioning.CreateAsync(_entra, Petra(department: null));
        Assert.Equal(Departments.Training, petra.Department);
        await Provisioning.ReplaceAsync(_entra, petra.Id, Petra(department: "Leadership"));

        var replaced = await Provisioning.ReplaceAsync(_entra, petra.Id, Petra(department: null));

        Assert.Equal(Departments.Leadership, replaced.Department);
    }

    [Fact]
    public async Task Deactivating_disables_the_account_renews_its_stamp_and_is_audited()
    {
        var petra = await Provisioning.CreateAsync(_entra, Petra());
        var stamp = (await AccountAsync(petra.Id)).SecurityStamp;

        var draft = Petra();
        draft.Active = false;
        await Provisioning.ReplaceAsync(_entra, petra.Id, draft);

        var account = await AccountAsync(petra.Id);
        Assert.True(account.IsDisabled);
        Assert.NotEqual(stamp, account.SecurityStamp);
        await using var db = await Database.CreateDbContextAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == petra.Id && a.Action == "AccountDisabled" && a.UserName == "SCIM token Entra"));
    }

    [Fact]
    public async Task A_delete_disables_and_keeps_the_account()
    {
        var petra = await Provisioning.CreateAsync(_entra, Petra());

        await Provisioning.DisableAsync(_entra, petra.Id);
        await Provisioning.DisableAsync(_entra, petra.Id);

        Assert.False((await Provisioning.GetAsync(_entra, petra.Id)).Active);
        await Assert.ThrowsAsync<NotFoundException>(() => Provisioning.DisableAsync(_entra, "no-such-id"));
    }

    [Fact]
    public async Task An_unchanged_replace_leaves_the_stamp_alone_so_open_sessions_go_on()
    {
        var petra = await Provisioning.CreateAsync(_entra, Petra());
        var stamp = (await AccountAsync(petra.Id)).SecurityStamp;

        await Provisioning.ReplaceAsync(_entra, petra.Id, Petra());

        Assert.Equal(stamp, (await AccountAsync(petra.Id)).SecurityStamp);
    }

    [Fact]
    public async Task Group_membership_gives_and_takes_a_role()
    {
        var petra = await Provisioning.CreateAsync(_entra, Petra());

        await Provisioning.ChangeMembersAsync(_entra, "IT lead", [petra.Id], []);
        Assert.Equal([Roles.ItLead], (await Provisioning.GetAsync(_entra, petra.Id)).Roles);
        Assert.Contains((await Provisioning.GroupAsync(_entra, Roles.ItLead, withMembers: true)).Members, m => m.Id == petra.Id);

        await Provisioning.ReplaceMembersAsync(_entra, Roles.Executive, [petra.Id]);
        await Provisioning.ChangeMembersAsync(_entra, Roles.ItLead, [], [petra.Id]);

        Assert.Equal([Roles.Executive], (await Provisioning.GetAsync(_entra, petra.Id)).Roles);
        await Assert.ThrowsAsync<NotFoundException>(() => Provisioning.ChangeMembersAsync(_entra, "Sales", [petra.Id], []));
        await Assert.ThrowsAsync<ValidationFailedException>(() => Provisioning.ChangeMembersAsync(_entra, Roles.ItLead, ["no-such-id"], []));
    }

    [Fact]
    public async Task The_last_active_administrator_is_neither_disabled_nor_removed_from_the_group()
    {
        var admin = (await Database.PlayAsync(Accounts.Admin)).UserId;

        var disable = await Assert.ThrowsAsync<DomainException>(() => Provisioning.DisableAsync(_entra, admin));
        var remove = await Assert.ThrowsAsync<DomainException>(() => Provisioning.ChangeMembersAsync(_entra, Roles.Administrator, [], [admin]));
        var replace = await Assert.ThrowsAsync<DomainException>(() => Provisioning.ReplaceMembersAsync(_entra, Roles.Administrator, []));

        Assert.All(new[] { disable, remove, replace }, e => Assert.Equal("This is the last active administrator; make someone else an administrator first.", e.Message));
        Assert.False((await AccountAsync(admin)).IsDisabled);
        Assert.Contains(Roles.Administrator, (await Provisioning.GetAsync(_entra, admin)).Roles);

        // With a second administrator provisioned, the first may go.
        var petra = await Provisioning.CreateAsync(_entra, Petra());
        await Provisioning.ChangeMembersAsync(_entra, Roles.Administrator, [petra.Id], []);
        await Provisioning.DisableAsync(_entra, admin);
        Assert.True((await AccountAsync(admin)).IsDisabled);
    }

    [Fact]
    public async Task Lists_filter_by_user_name_in_any_case_and_page_from_one()
    {
        await Provisioning.CreateAsync(_entra, Petra());

        var found = await Provisioning.ListAsync(_entra, new ProvisionedAccountFilter(UserName: "PETRA@contoso.test"), 1, 10);
        var byExternalId = await Provisioning.ListAsync(_entra, new ProvisionedAccountFilter(ExternalId: "entra-object-1"), 1, 10);
        var firstTwo = await Provisioning.ListAsync(_entra, new ProvisionedAccountFilter(), 1, 2);
        var nextTwo = await Provisioning.ListAsync(_entra, new ProvisionedAccountFilter(), 3, 2);

        Assert.Equal("petra@contoso.test", found.Rows.Single().UserName);
        Assert.Equal(1, byExternalId.TotalResults);
        Assert.Equal(7, firstTwo.TotalResults);
        Assert.Empty(firstTwo.Rows.Select(r => r.Id).Intersect(nextTwo.Rows.Select(r => r.Id)));
    }

    private async Task<ApplicationUser> AccountAsync(string id)
    {
        await using var scope = Database.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(id))!;
    }
}
