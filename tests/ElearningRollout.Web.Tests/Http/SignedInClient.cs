using System.Net;
using System.Text.RegularExpressions;
using ElearningRollout.Tests.Shared;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ElearningRollout.Web.Tests.Http;

/// <summary>Signs in through the real login form (antiforgery token and all) and keeps the cookie.</summary>
public static partial class SignedInClient
{
    public static HttpClient Anonymous(ProductAppFactory app)
        => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpClient> SignInAsync(ProductAppFactory app, string email, string password = DemoLogins.Password)
    {
        var client = Anonymous(app);
        var response = await PostLoginAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {email} did not redirect: {response.StatusCode}");
        }

        return client;
    }

    /// <summary>Posts the login form once, as a browser would.</summary>
    public static Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password)
        => PostFormAsync(client, "/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>Opens a page with a form and posts it with its hidden fields (antiforgery, handler) and the given values.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> values)
    {
        var form = await client.GetStringAsync(path);
        // A page may have more than one form (the sign-in page's single sign-on button): one value per name, as each form's token is the same.
        var fields = new Dictionary<string, string>();
        foreach (Match hidden in HiddenInput().Matches(form))
        {
            fields[WebUtility.HtmlDecode(hidden.Groups["name"].Value)] = WebUtility.HtmlDecode(hidden.Groups["value"].Value);
        }

        foreach (var (name, value) in values)
        {
            fields[name] = value;
        }

        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}
