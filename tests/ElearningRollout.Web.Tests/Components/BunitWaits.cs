using System.Runtime.CompilerServices;
using Bunit;

namespace ElearningRollout.Web.Tests.Components;

/// <summary>
/// How long a component test waits for what the person would wait for (a render after a load, a dialog opening).
/// bUnit's default of one second failed on a loaded CI machine (a grid's first page came after it); a wait ends as soon
/// as its assertion passes, so a long limit costs nothing when the machine is quick.
/// </summary>
internal static class BunitWaits
{
    [ModuleInitializer]
    internal static void Lengthen() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(30);
}
