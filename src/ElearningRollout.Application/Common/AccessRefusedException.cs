namespace ElearningRollout.Application.Common;

/// <summary>
/// The signed-in person may not do what they asked. Raised by the application layer,
/// never only by the UI; the message is written for that person.
/// </summary>
public sealed class AccessRefusedException(string message) : Exception(message);
