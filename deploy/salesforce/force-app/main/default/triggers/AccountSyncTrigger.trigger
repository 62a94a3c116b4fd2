trigger AccountSyncTrigger on Account (after insert, after update) {
    if (Trigger.isInsert) {
        AccountSyncTriggerHandler.afterInsert(Trigger.new);
    } else {
        AccountSyncTriggerHandler.afterUpdate(Trigger.new, Trigger.oldMap);
    }
}
