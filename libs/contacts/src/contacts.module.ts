import { Module } from '@nestjs/common';
import { CasesModule } from '#libs/cases';
import { ContactsResolver } from './contacts.resolver.js';
import { ContactsService } from './contacts.service.js';

@Module({ imports: [CasesModule], providers: [ContactsService, ContactsResolver] })
export class ContactsModule {}
