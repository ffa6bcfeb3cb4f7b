using ElearningRollout.Application.Identity;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Application.Seeding;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElearningRollout.Application.Tests.Identity;

public sealed class AccountRulesTests : DatabaseTest
{
    [Theory]
    [InlineData("short-pass1", false)]          // 11 characters
    [InlineData("twelve chars", true)]          // 12, spaces and no digits: composition is not required
    [InlineData("alllowercaseletters", true)]
    public async Task Passwords_need_twelve_characters_and_nothing_else(string password, bool accepted)
    {
        var result = await CreateUserAsync("new.person@elearning.test", password);

        Assert.Equal(accepted, result.Succeeded);
    }

    [Fact]
    public async Task A_password_longer_than_128_characters_is_refused_with_a_clear_message()
    {
        var result = await CreateUserAsync("long.password@elearning.test", new string('x', 129));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Description == "Passwords must be at most 128 characters.");
        Assert.True((await CreateUserAsync("max.password@elearning.test", new string('x', 128))).Succeeded);
    }

    [Theory]
    [InlineData("qwerty123456")]
    [InlineData("QWERTY123456")]
    [InlineData("1qaz2wsx3edc")]
    public async Task A_password_on_the_common_list_is_refused_whatever_its_case(string password)
    {
        var result = await CreateUserAsync("common.password@elearning.test", password);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == "PasswordTooCommon");
        Assert.Equal(10_000, CommonPasswordValidator.CommonCount);
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_for_fifteen_minutes()
    {
        await using var scope = Database.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(SqliteTestDatabase.Accounts.Training))!;

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await users.AccessFailedAsync(user);
        }

        Assert.False(await users.IsLockedOutAsync(user));
        await users.AccessFailedAsync(user);

        Assert.True(await users.IsLockedOutAsync(user));
        var lockoutEnd = await users.GetLockoutEndDateAsync(user);
        // Identity reads the system clock for lockouts, so compare with it.
        Assert.Equal(DateTimeOffset.UtcNow.AddMinutes(15), lockoutEnd!.Value, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Every_demo_account_exists_with_its_role_and_department()
    {
        await using var scope = Database.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        await using var db = await Database.CreateDbContextAsync();

        foreach (var account in DemoAccounts.All)
        {
            var user = await users.FindByEmailAsync(account.Email);
            Assert.NotNull(user);
            Assert.True(await users.CheckPasswordAsync(user, DemoAccounts.Password));
            Assert.Equal(account.Roles.Order(), (await users.GetRolesAsync(user)).Order());
            Assert.Equal(account.Department, await db.Departments.Where(d => d.Id == user.DepartmentId).Select(d => d.Name).SingleAsync());
        }
    }

    [Fact]
    public async Task Starting_again_adds_no_duplicate_roles_departments_or_accounts()
    {
        await Database.Get<DatabaseInitializer>().InitializeAsync(migrate: true, seedDemoData: true);

        await using var db = await Database.CreateDbContextAsync();
        Assert.Equal(Roles.All.Order(), (await db.Roles.Select(r => r.Name!).ToListAsync()).Order());
        Assert.Equal(Departments.BuiltIn.Order(), (await db.Departments.Select(d => d.Name).ToListAsync()).Order());
        Assert.Equal(DemoAccounts.All.Count, await db.Users.CountAsync());
    }

    [Fact]
    public async Task The_first_administrator_is_created_by_the_bootstrap_command_with_the_password_rules()
    {
        await using var scope = Database.Services.CreateAsyncScope();
        var bootstrap = scope.ServiceProvider.GetRequiredService<AdministratorBootstrap>();

        var tooShort = await bootstrap.CreateAsync("first.admin@example.com", "First Admin", "short");
        var created = await bootstrap.CreateAsync("first.admin@example.com", "First Admin", "a long enough passphrase");
        var again = await bootstrap.CreateAsync("first.admin@example.com", "First Admin", "a long enough passphrase");

        Assert.Contains(tooShort, e => e.Contains("12", StringComparison.Ordinal));
        Assert.Empty(created);
        Assert.Contains(again, e => e.Contains("already exists", StringComparison.Ordinal));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True(await users.IsInRoleAsync((await users.FindByEmailAsync("first.admin@example.com"))!, Roles.Administrator));
    }

    private async Task<IdentityResult> CreateUserAsync(string email, string password)
    {
        await using var scope = Database.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        await using var db = await Database.CreateDbContextAsync();
        var training = await db.Departments.SingleAsync(d => d.Name == Departments.Training);
        return await users.CreateAsync(new ApplicationUser { UserName = email, Email = email, DisplayName = "New Person", DepartmentId = training.Id }, password);
    }
}
