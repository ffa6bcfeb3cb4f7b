using ElearningRollout.Application.Common;
using ElearningRollout.Application.Identity;
using ElearningRollout.Application.Vendors;
using ElearningRollout.Tests.Shared;
using ElearningRollout.Web.Components.Account;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ElearningRollout.Web.Tests.Hosting;

/// <summary>A disabled account is dropped from a circuit that is already open, within the revalidation interval.</summary>
public sealed class OpenCircuitRevalidationTests : IAsyncLifetime
{
    private static readonly TimeSpan ShortInterval = TimeSpan.FromMilliseconds(300);
    private readonly ShortRevalidationApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Disabling_an_account_signs_it_out_of_its_open_circuit()
    {
        using var circuit = ActivatorUtilities.CreateInstance<IdentityRevalidatingAuthenticationStateProvider>(_app.Services);
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var tara = (await users.FindByEmailAsync(DemoLogins.Training))!;
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>().CreateUserPrincipalAsync(tara);
        var signedOut = new TaskCompletionSource();
        circuit.AuthenticationStateChanged += async state =>
        {
            if ((await state).User.Identity?.IsAuthenticated != true)
            {
                signedOut.TrySetResult();
            }
        };
        circuit.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));

        await Task.Delay(ShortInterval * 3);
        Assert.False(signedOut.Task.IsCompleted, "An account in good standing stays signed in across revalidations.");
        tara.IsDisabled = true;
        await users.UpdateAsync(tara);
        await users.UpdateSecurityStampAsync(tara);

        await signedOut.Task.WaitAsync(TimeSpan.FromSeconds(15));
    }

    /// <summary>Issue 14, item 5: with the usual 5-minute interval, the open circuit's next action is refused at once.</summary>
    [Fact]
    public async Task The_next_action_of_an_open_circuit_after_disabling_is_refused_at_once()
    {
        await using var app = new ProductAppFactory();
        await using var circuit = app.Services.CreateAsyncScope();
        var users = circuit.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var tara = (await users.FindByEmailAsync(DemoLogins.Training))!;
        var principal = await circuit.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>().CreateUserPrincipalAsync(tara);
        var authentication = circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        ((IHostEnvironmentAuthenticationStateProvider)authentication).SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        var vendors = circuit.ServiceProvider.GetRequiredService<VendorCommands>();
        await vendors.RegisterAsync(new VendorDraft { Name = "Before disabling Ltd" });

        await Http.AccountStandingHttpTests.AsAdministratorAsync(app, (administration, id) => administration.SetDisabledAsync(id, true), DemoLogins.Training);

        var refused = await Assert.ThrowsAsync<AccessRefusedException>(() => vendors.RegisterAsync(new VendorDraft { Name = "After disabling Ltd" }));
        Assert.Contains("sign in", refused.Message, StringComparison.Ordinal);
        Assert.False((await authentication.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated, "The circuit shows itself signed out.");
    }

    private sealed class ShortRevalidationApp : ProductAppFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = ShortInterval));
        }
    }
}
