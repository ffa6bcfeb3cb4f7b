using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ElearningRollout.Application.Identity;
using ElearningRollout.Application.Identity.ApiAccess;
using ElearningRollout.Tests.Shared;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ElearningRollout.Web.Tests.Http.Api;

/// <summary>Talks to /api/v1 as a script does: a personal access token its owner created, JSON in and out.</summary>
internal static class ApiClient
{
    public const string ProblemJson = "application/problem+json";

    /// <summary>Creates a token as <paramref name="email"/> through the application, as the profile page does, and returns it.</summary>
    public static Task<NewApiTokenView> CreateTokenAsync(ProductAppFactory app, string email, ApiTokenScope scope = ApiTokenScope.ReadWrite, DateOnly? expiresOn = null)
        => AsAsync(app, email, s => s.GetRequiredService<ApiTokenCommands>().CreateAsync(new ApiTokenDraft
        {
            Name = $"script {Guid.NewGuid():N}"[..20],
            Scope = scope,
            ExpiresOn = expiresOn ?? DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30),
        }));

    public static async Task<HttpClient> ForAsync(ProductAppFactory app, string email, ApiTokenScope scope = ApiTokenScope.ReadWrite)
        => Client(app, (await CreateTokenAsync(app, email, scope)).Secret);

    public static async Task<T> AsAsync<T>(ProductAppFactory app, string email, Func<IServiceProvider, Task<T>> act)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>().CreateUserPrincipalAsync(user);
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return await act(scope.ServiceProvider);
    }

    public static async Task<string> UserIdAsync(ProductAppFactory app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
    }

    public static HttpClient Client(ProductAppFactory app, string? token)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public static StringContent Json(JsonNode json) => new(json.ToJsonString(), Encoding.UTF8, "application/json");

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonNode> BodyAsync(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    /// <summary>A write with the version it is based on.</summary>
    public static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, JsonNode? body, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : Json(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    /// <summary>Asserts an RFC 9457 problem document with this status and returns it.</summary>
    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {status}, got {response.StatusCode}: {text}");
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((int)status, (int)problem["status"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["title"]));
        return problem;
    }

    /// <summary>A valid rollout form, as the New rollout form sends it.</summary>
    public static JsonObject RolloutDraft(string title, string? trainingOwnerId = null, string? itLiaisonId = null, string? sponsorId = null) => new()
    {
        ["title"] = title,
        ["summary"] = "Created over the API",
        ["businessCase"] = "",
        ["trainingOwnerId"] = trainingOwnerId,
        ["itLiaisonId"] = itLiaisonId,
        ["executiveSponsorId"] = sponsorId,
        ["audiences"] = "Employees",
        ["estimatedLearners"] = 200,
        ["peakConcurrentLearners"] = 20,
        ["accessChannels"] = "OfficeNetwork",
        ["hostingModel"] = "VendorHostedSaas",
        ["integrations"] = "Sso",
        ["contentSource"] = "InHouse",
        ["startDate"] = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"),
        ["targetGoLive"] = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(6).ToString("yyyy-MM-dd"),
    };
}
