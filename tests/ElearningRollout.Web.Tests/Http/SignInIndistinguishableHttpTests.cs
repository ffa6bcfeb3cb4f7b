using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using ElearningRollout.Application.Identity;
using ElearningRollout.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ElearningRollout.Web.Tests.Http;

/// <summary>
/// Issue 14, item 6: a sign-in with an e-mail that has no account cannot be told from one with a wrong password,
/// neither by its outcome (the fifth failure shows the lockout page) nor by its time.
/// </summary>
public sealed partial class SignInIndistinguishableHttpTests(ProductAppFactory app) : IClassFixture<ProductAppFactory>
{
    [Theory]
    [InlineData("nobody.at.all@elearning.test")]
    [InlineData(DemoLogins.ItLead2)]
    public async Task The_fifth_failure_shows_the_lockout_page_whether_or_not_the_account_exists(string email)
    {
        var client = SignedInClient.Anonymous(app);
        var answers = new List<string>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var response = await SignedInClient.PostLoginAsync(client, email, $"wrong password {attempt}");
            answers.Add(response.StatusCode == HttpStatusCode.Redirect ? response.Headers.Location!.OriginalString : "form again");
        }

        Assert.Equal(["form again", "form again", "form again", "form again"], answers.Take(4));
        Assert.EndsWith("/Account/Lockout", answers[4], StringComparison.Ordinal);
        var withAnyPassword = await SignedInClient.PostLoginAsync(client, email, DemoLogins.Password);
        Assert.EndsWith("/Account/Lockout", withAnyPassword.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_account_also_reaches_the_lockout_page()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(DemoLogins.Executive))!;
            user.IsDisabled = true;
            await users.UpdateAsync(user);
        }

        var client = SignedInClient.Anonymous(app);
        HttpResponseMessage response = new();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            response = await SignedInClient.PostLoginAsync(client, DemoLogins.Executive, $"wrong password {attempt}");
        }

        Assert.EndsWith("/Account/Lockout", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>Medians of interleaved attempts, so a busy machine slows both sides alike; a real check takes 100+ ms.</summary>
    [Fact]
    public async Task A_wrong_password_takes_as_long_for_an_unknown_e_mail_as_for_a_real_account()
    {
        const int Tries = 9;
        var client = SignedInClient.Anonymous(app);
        var form = await FormFieldsAsync(client);
        var real = new List<double>();
        var unknown = new List<double>();
        await TimeAsync(client, form, DemoLogins.Training, "warm-up");
        await TimeAsync(client, form, "warm.up@elearning.test", "warm-up");

        for (var attempt = 0; attempt < Tries; attempt++)
        {
            await ResetFailuresAsync(DemoLogins.Training);
            real.Add(await TimeAsync(client, form, DemoLogins.Training, $"wrong password {attempt}"));
            unknown.Add(await TimeAsync(client, form, $"nobody{attempt}@elearning.test", $"wrong password {attempt}"));
        }

        var ratio = Median(unknown) / Median(real);
        Assert.True(ratio is > 0.5 and < 2, $"unknown {Median(unknown):F0} ms, real {Median(real):F0} ms (ratio {ratio:F2})");
    }

    private static async Task<double> TimeAsync(HttpClient client, Dictionary<string, string> form, string email, string password)
    {
        var fields = new Dictionary<string, string>(form) { ["Input.Email"] = email, ["Input.Password"] = password };
        var stopwatch = Stopwatch.StartNew();
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(fields));
        await response.Content.ReadAsStringAsync();
        stopwatch.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    private async Task ResetFailuresAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        await users.ResetAccessFailedCountAsync((await users.FindByEmailAsync(email))!);
    }

    private static async Task<Dictionary<string, string>> FormFieldsAsync(HttpClient client)
        => HiddenInput().Matches(await client.GetStringAsync("/Account/Login"))
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}
