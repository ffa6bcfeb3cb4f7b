using System.IO.Compression;
using ElearningRollout.Application.Identity;
using ElearningRollout.Domain.Common;
using ElearningRollout.Application.Seeding;
using ElearningRollout.Application.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElearningRollout.Application.Tests.Identity;

/// <summary>
/// Twelve characters are not enough when they are "password1234": breached passwords of the minimum length and more,
/// common passwords dressed with digits and symbols, and passwords made of the product's or the person's own name are refused.
/// </summary>
public sealed class PasswordBlocklistTests : DatabaseTest
{
    private const string Email = "jane.doe@acmecorp.example";
    private const string Name = "Jane Doe";

    [Theory]
    [InlineData("password1234")]
    [InlineData("Password123!")]
    [InlineData("PASSWORD123!")]
    [InlineData("iloveyou2026!!")]
    [InlineData("!!Dragon-2026!!")]
    [InlineData("1qaz2wsx3edc4rfv")]
    [InlineData("qwertyuiop123")]
    [InlineData("monkey123456789")]
    public async Task A_breached_or_dressed_up_common_password_is_refused(string password)
    {
        var result = await CreateUserAsync(password);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == "PasswordTooCommon");
    }

    [Theory]
    [InlineData("Elearning2026!")]
    [InlineData("ROLLOUT-2026-rollout")]
    [InlineData("elearningrollout")]
    [InlineData("!2026 ElearningRollout")]
    [InlineData("Acmecorp2026!!")]
    [InlineData("jane.doe.12345")]
    [InlineData("JaneDoe#2026!")]
    [InlineData("2026-jane-2026-acmecorp")]
    public async Task A_password_made_of_the_product_name_or_ones_own_name_or_address_is_refused(string password)
    {
        var result = await CreateUserAsync(password);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code is "PasswordContextual" or "PasswordTooCommon");
    }

    [Theory]
    [InlineData("plum tractor wisdom 41")]
    [InlineData("Rollout-Demo-2026!")] // the demo password: a context word, but not only that
    [InlineData("jane's violet kiwi orbit")]
    [InlineData("a long enough passphrase")]
    public async Task A_long_uncommon_password_is_accepted_even_with_a_context_word_inside(string password)
    {
        var result = await CreateUserAsync(password);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    [Fact]
    public void The_breached_list_has_tens_of_thousands_of_passwords_of_twelve_to_128_characters()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("ElearningRollout.Application.Identity.breached-passwords-12plus.txt.gz")!;
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.InRange(lines.Length, 20_000, 60_000);
        Assert.All(lines, line => Assert.InRange(line.Length, 12, 128));
        Assert.Equal(lines.Length, CommonPasswordValidator.BreachedCount);
        Assert.Contains("password1234", lines);
    }

    private async Task<IdentityResult> CreateUserAsync(string password)
    {
        await using var scope = Database.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        await using var db = await Database.CreateDbContextAsync();
        var training = await db.Departments.SingleAsync(d => d.Name == Departments.Training);
        return await users.CreateAsync(new ApplicationUser { UserName = Email, Email = Email, DisplayName = Name, DepartmentId = training.Id }, password);
    }
}
