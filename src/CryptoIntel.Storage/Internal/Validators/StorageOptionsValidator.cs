using Microsoft.Extensions.Options;

namespace CryptoIntel.Storage.Internal.Validators;

[OptionsValidator]
internal sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>;
