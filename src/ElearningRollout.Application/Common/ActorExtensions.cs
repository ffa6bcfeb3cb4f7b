using ElearningRollout.Domain.Common;

namespace ElearningRollout.Application.Common;

internal static class ActorExtensions
{
    /// <summary>The actor, or a refusal when nobody is signed in.</summary>
    public static async Task<Actor> RequireAsync(this ICurrentActor currentActor, CancellationToken cancellationToken)
        => await currentActor.GetAsync(cancellationToken)
           ?? throw new AccessRefusedException("You need to sign in to do this.");
}
