using System.Net;
using ElearningRollout.Tests.Shared;

namespace ElearningRollout.Web.Tests.Http;

/// <summary>The change-password form allows what the password rules allow: 12 to 128 characters.</summary>
public sealed class PasswordFormLimitsHttpTests : IAsyncLifetime
{
    private const string Page = "/Account/Manage/ChangePassword";
    private readonly ProductAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_password_of_up_to_128_characters_can_be_set_and_then_signs_in()
    {
        var client = await SignedInClient.SignInAsync(_app, DemoLogins.Training);
        var longPassphrase = string.Join(" ", Enumerable.Repeat("violet kiwi orbit 41", 6)); // 125 characters

        var changed = await ChangeAsync(client, longPassphrase);

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var again = await SignedInClient.PostLoginAsync(SignedInClient.Anonymous(_app), DemoLogins.Training, longPassphrase);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode); // a wrong password answers the form again (200)
    }

    [Theory]
    [InlineData(11)]
    [InlineData(129)]
    public async Task A_password_outside_12_to_128_characters_is_refused_with_those_limits(int length)
    {
        var client = await SignedInClient.SignInAsync(_app, DemoLogins.Training);

        var refused = await ChangeAsync(client, new string('k', length - 3) + "7q!");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("The New password must be at least 12 and at most 128 characters long.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SignedInClient.PostLoginAsync(SignedInClient.Anonymous(_app), DemoLogins.Training, DemoLogins.Password)).StatusCode);
    }

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string newPassword)
        => SignedInClient.PostFormAsync(client, Page, new()
        {
            ["Input.OldPassword"] = DemoLogins.Password,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });
}
