trigger PaymentSyncTrigger on Payment__c (after insert) {
    PaymentSyncTriggerHandler.afterInsert(Trigger.new);
}
