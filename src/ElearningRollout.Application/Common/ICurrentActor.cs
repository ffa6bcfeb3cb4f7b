using ElearningRollout.Domain.Common;

namespace ElearningRollout.Application.Common;

/// <summary>
/// Who is asking. The web host answers from the signed-in principal; tests answer with whoever they play.
/// Use cases ask for the actor themselves, so a page cannot act as somebody else.
/// </summary>
public interface ICurrentActor
{
    Task<Actor?> GetAsync(CancellationToken cancellationToken = default);
}
