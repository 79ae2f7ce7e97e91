// The protocol brief's own XML examples (shared/protocols/finesse.md, section numbers beside each),
// copied as they stand, for the decoder, notification and REST tests.

/** §2 */
export const SYSTEM_INFO = `<SystemInfo>
  <uri>/finesse/api/SystemInfo</uri>
  <status>IN_SERVICE</status>
  <deploymentType>UCCE</deploymentType>
  <xmppDomain>finesse-a.example.com</xmppDomain>
  <xmppPubSubDomain>pubsub.finesse-a.example.com</xmppPubSubDomain>
  <primaryNode><host>finesse-a.example.com</host></primaryNode>
  <secondaryNode><host>finesse-b.example.com</host></secondaryNode>
  <systemAuthMode>NON_SSO</systemAuthMode>
  <timezoneOffset>-300</timezoneOffset>
  <currentTimestamp>2024-05-01T14:00:00.000Z</currentTimestamp>
</SystemInfo>`;

/** §3.2 */
export const USER = `<User>
  <uri>/finesse/api/User/1001001</uri>
  <loginId>1001001</loginId>
  <loginName>jdoe</loginName>
  <firstName>Jane</firstName>
  <lastName>Doe</lastName>
  <roles><role>Agent</role></roles>
  <extension>3001</extension>
  <state>NOT_READY</state>
  <stateChangeTime>2024-05-01T14:02:11.120Z</stateChangeTime>
  <pendingState></pendingState>
  <reasonCodeId>12</reasonCodeId>
  <ReasonCode>
    <uri>/finesse/api/ReasonCode/12</uri>
    <category>NOT_READY</category>
    <code>100</code>
    <label>Break</label>
    <forAll>true</forAll>
    <id>12</id>
  </ReasonCode>
  <settings><wrapUpOnIncoming>OPTIONAL</wrapUpOnIncoming></settings>
  <teamId>5000</teamId>
  <teamName>Sales</teamName>
  <dialogs>/finesse/api/User/1001001/Dialogs</dialogs>
  <teams/>
</User>`;

/** §4.1 */
export const REASON_CODES = `<ReasonCodes category="NOT_READY">
  <ReasonCode>
    <uri>/finesse/api/ReasonCode/12</uri>
    <category>NOT_READY</category>
    <code>100</code>
    <label>Break</label>
    <forAll>true</forAll>
  </ReasonCode>
  <ReasonCode>
    <uri>/finesse/api/ReasonCode/13</uri>
    <category>NOT_READY</category>
    <code>101</code>
    <label>Lunch</label>
    <forAll>false</forAll>
  </ReasonCode>
</ReasonCodes>`;

/** §5.5 */
export const DIALOG = `<Dialog>
  <uri>/finesse/api/Dialog/16817084</uri>
  <id>16817084</id>
  <mediaType>Voice</mediaType>
  <fromAddress>5551234567</fromAddress>
  <toAddress>3001</toAddress>
  <state>ACTIVE</state>
  <associatedDialogUri></associatedDialogUri>
  <mediaProperties>
    <mediaId>1</mediaId>
    <dialedNumber>8005550100</dialedNumber>
    <DNIS>3001</DNIS>
    <callType>ACD_IN</callType>
    <queueNumber>5001</queueNumber>
    <queueName>Sales_Q</queueName>
    <callKeyCallId>16817084</callKeyCallId>
    <callKeySequenceNum>1</callKeySequenceNum>
    <callKeyPrefix>152345</callKeyPrefix>
    <wrapUpReason></wrapUpReason>
    <callvariables>
      <CallVariable><name>callVariable1</name><value>ACCT-778</value></CallVariable>
      <CallVariable><name>user.Language</name><value>en</value></CallVariable>
    </callvariables>
  </mediaProperties>
  <participants>
    <Participant>
      <actions><action>HOLD</action><action>DROP</action><action>UPDATE_CALL_DATA</action>
               <action>CONSULT_CALL</action><action>TRANSFER_SST</action><action>SEND_DTMF</action></actions>
      <mediaAddress>3001</mediaAddress>
      <mediaAddressType>AGENT_DEVICE</mediaAddressType>
      <startTime>2024-05-01T14:05:00.010Z</startTime>
      <state>ACTIVE</state>
      <stateCause></stateCause>
      <stateChangeTime>2024-05-01T14:05:03.440Z</stateChangeTime>
    </Participant>
    <Participant>
      <actions/>
      <mediaAddress>5551234567</mediaAddress>
      <mediaAddressType></mediaAddressType>
      <startTime>2024-05-01T14:05:00.010Z</startTime>
      <state>ACTIVE</state>
      <stateCause></stateCause>
      <stateChangeTime>2024-05-01T14:05:03.440Z</stateChangeTime>
    </Participant>
  </participants>
</Dialog>`;

/** §6 */
export const QUEUE = `<Queue>
  <uri>/finesse/api/Queue/5001</uri>
  <name>Sales_Q</name>
  <statistics>
    <callsInQueue>3</callsInQueue>
    <startTimeOfLongestCallInQueue>2024-05-01T14:01:12Z</startTimeOfLongestCallInQueue>
    <agentsReady>1</agentsReady>
    <agentsNotReady>4</agentsNotReady>
    <agentsBusyOther>0</agentsBusyOther>
    <agentsLoggedOn>9</agentsLoggedOn>
    <agentsTalkingInbound>3</agentsTalkingInbound>
    <agentsTalkingOutbound>0</agentsTalkingOutbound>
    <agentsTalkingInternal>1</agentsTalkingInternal>
    <agentsWrapUpNotReady>0</agentsWrapUpNotReady>
    <agentsWrapUpReady>0</agentsWrapUpReady>
  </statistics>
</Queue>`;

/** §7 (the brief's XML comments left out: they describe, they are not part of the payload) */
export const TEAM = `<Team>
  <uri>/finesse/api/Team/5000</uri>
  <id>5000</id>
  <name>Sales</name>
  <users>
    <User>
      <uri>/finesse/api/User/1001001</uri>
      <loginId>1001001</loginId>
      <firstName>Jane</firstName>
      <lastName>Doe</lastName>
      <extension>3001</extension>
      <state>TALKING</state>
      <stateChangeTime>2024-05-01T14:05:03.440Z</stateChangeTime>
      <pendingState></pendingState>
      <reasonCode/>
      <dialogs>/finesse/api/User/1001001/Dialogs</dialogs>
      <mediaState/>
    </User>
  </users>
</Team>`;

/** §1.2 (with a message where the brief has an ellipsis) */
export const API_ERRORS = `<ApiErrors>
  <ApiError>
    <ErrorType>Invalid State</ErrorType>
    <ErrorMessage>Cannot change state to LOGOUT from READY</ErrorMessage>
    <ErrorData>LOGOUT</ErrorData>
  </ApiError>
</ApiErrors>`;

/** §9.4 */
export const USER_UPDATE = `<Update>
  <event>PUT</event>
  <requestId>req-42</requestId>
  <source>/finesse/api/User/1001001</source>
  <data>
    <user>
      <uri>/finesse/api/User/1001001</uri>
      <loginId>1001001</loginId>
      <extension>3001</extension>
      <state>READY</state>
      <stateChangeTime>2024-05-01T14:03:00.000Z</stateChangeTime>
      <reasonCodeId>-1</reasonCodeId>
      <pendingState></pendingState>
      <teamId>5000</teamId>
      <teamName>Sales</teamName>
      <roles><role>Agent</role></roles>
    </user>
  </data>
</Update>`;

/** Wraps `inner` in an Update envelope (§9.4). */
export function update(event: string, source: string, inner: string, requestId = ''): string {
  return `<Update><event>${event}</event><requestId>${requestId}</requestId><source>${source}</source><data>${inner}</data></Update>`;
}
