namespace ElearningRollout.Application.Common;

/// <summary>
/// Marks a service that the screens (and the API) call for a person: the application registers every one by this
/// marker (scoped, one per circuit or request), and every public method of one is a row of the permission matrix
/// (docs/security.md), checked by a test. A new feature's services need nothing else to be found.
/// </summary>
public interface IUseCases;
