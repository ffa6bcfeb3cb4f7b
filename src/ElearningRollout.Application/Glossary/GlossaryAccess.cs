using ElearningRollout.Domain.Common;

namespace ElearningRollout.Application.Glossary;

/// <summary>Who may maintain the glossary: IT leads and administrators. The commands ask here; the screen asks too, to offer the buttons.</summary>
public static class GlossaryAccess
{
    public static bool CanMaintain(Actor actor) => actor.IsInRole(Roles.ItLead) || actor.IsAdministrator;

    public static void EnsureCanMaintain(Actor actor)
    {
        if (!CanMaintain(actor))
        {
            throw new AccessRefusedException("Only IT leads maintain the glossary.");
        }
    }
}
