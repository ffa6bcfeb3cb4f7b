using ElearningRollout.Application.Common;
using ElearningRollout.Domain.Common;

namespace ElearningRollout.Application.Templates;

/// <summary>Templates shape every gate created afterwards, so only administrators read them for editing and publish them.</summary>
internal static class TemplateAccess
{
    public static void EnsureCanManage(Actor actor)
    {
        if (!actor.IsAdministrator)
        {
            throw new AccessRefusedException("Only administrators manage the phase and gate templates.");
        }
    }
}
