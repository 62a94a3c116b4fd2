trigger OrderSyncTrigger on Order (after insert, after update) {
    if (Trigger.isInsert) {
        OrderSyncTriggerHandler.afterInsert(Trigger.new);
    } else {
        OrderSyncTriggerHandler.afterUpdate(Trigger.new, Trigger.oldMap);
    }
}
