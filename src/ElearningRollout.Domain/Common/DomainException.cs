namespace ElearningRollout.Domain.Common;

/// <summary>
/// A business rule refused an action. The message is written for the person who tried it,
/// so the UI can show it as it is.
/// </summary>
public sealed class DomainException(string message) : Exception(message);
