using ElearningRollout.Tests.Shared;
using ElearningRollout.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ElearningRollout.Web.Tests.Hosting;

/// <summary>
/// MudBlazor's popover service, once a circuit has shown a popover, wakes on a timer for as long as the circuit lives; at
/// its default (twice a second) that was most of what an idle open dashboard cost the server (docs/performance.md,
/// "Sixth step"). The circuit's own service, as the product composes it, wakes every five seconds at most.
/// </summary>
public sealed class PopoverServiceTimerTests
{
    [Fact]
    public async Task A_circuits_popover_service_wakes_every_five_seconds_not_twice_a_second()
    {
        await using var app = new ProductAppFactory();
        await using var circuit = app.Services.CreateAsyncScope();

        var popovers = circuit.ServiceProvider.GetRequiredService<IPopoverService>();

        Assert.Equal(ProductComposition.PopoverDetachDelay, popovers.PopoverOptions.QueueDelay);
        Assert.True(popovers.PopoverOptions.QueueDelay >= TimeSpan.FromSeconds(5),
            $"The popover service wakes every {popovers.PopoverOptions.QueueDelay.TotalSeconds} s on every open circuit.");
    }
}
