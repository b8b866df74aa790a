import { UnitPickerPage } from "./UnitPickerPage";

export const MembersPicker = () => <UnitPickerPage ability="listMembers" />;
export const GrantsPicker = () => <UnitPickerPage ability="manageGrants" />;
