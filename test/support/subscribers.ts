// Tests run the outbox worker directly, as the timers do in production: the contexts' subscribers
// must be registered first, exactly as core/timers registers them.
import '../../cloudfunctions/core/subscribers';
